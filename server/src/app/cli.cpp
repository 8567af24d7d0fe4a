#include "app/cli.hpp"
#include <CLI/CLI.hpp>

namespace bo {
int run_cli(int argc, char** argv) {
  CLI::App app{"Boxoffice: ticketing backoffice"};
  app.require_subcommand(1);
  app.add_subcommand("serve", "Serve the API and web UI");
  CLI11_PARSE(app, argc, argv);
  return 0;
}
}  // namespace bo
