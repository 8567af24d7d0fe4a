// Composition root of `boxoffice serve`: database, demo data, routes, background workers, HTTP.
#include <spdlog/spdlog.h>

#include <algorithm>
#include <iostream>

#include "app/commands.hpp"
#include "app/config.hpp"
#include "app/workers.hpp"
#include "services/demo_data.hpp"
#include "store/migrations.hpp"

namespace bo::app {

int serve(const ServeConfig& cfg) {
  prepare_database(cfg.db_url);
  store::Database db(cfg.db_url);
  Clock clock;
  if (cfg.demo) {
    auto c = db.acquire();
    if (services::seed_demo_data(*c, clock.now())) spdlog::info("demo data created");
  }
  services::Context ctx{db, clock, cfg.settings};
  http::Routes routes;
  http::add_session_routes(routes);
  http::add_order_routes(routes);
  http::add_system_routes(routes);
  http::add_action_routes(routes);
  http::add_public_routes(routes);
  http::add_event_routes(routes);
  http::add_organisation_routes(routes);
  http::add_user_routes(routes);
  http::add_invitation_routes(routes);
  http::add_token_routes(routes);
  http::add_audit_routes(routes);
  http::add_report_routes(routes);
  http::add_import_routes(routes, cfg.settings.import_max_bytes);

  Workers workers(ctx, cfg);
  workers.register_routes(routes);
  workers.start();

  auto server_options = cfg.server;  // every upload up to the import limit reaches its route, which answers 413
  server_options.max_body = std::max(server_options.max_body, static_cast<size_t>(cfg.settings.import_max_bytes) + (1 << 20));
  http::serve(ctx, routes, server_options, [&] {
    std::cout << "Boxoffice is listening on http://localhost:" << cfg.server.port << "\n";
    if (cfg.demo)
      std::cout << "Demo log-ins (password " << services::kDemoPassword << "):\n"
                << "  admin@demo.test    finance@demo.test    support@demo.test    viewer@demo.test\n"
                << "  admin@other.test   (second organisation)\n";
    std::cout << std::flush;
  });
  workers.stop();
  return 0;
}

}  // namespace bo::app
