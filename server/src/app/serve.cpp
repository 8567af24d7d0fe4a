// Composition root of `boxoffice serve`: database, demo data, routes, background workers, HTTP.
#include <spdlog/spdlog.h>
#include <sys/resource.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "app/commands.hpp"
#include "app/config.hpp"
#include "app/workers.hpp"
#include "services/demo_data.hpp"
#include "store/migrations.hpp"

namespace bo::app {
namespace {
// Bodies of requests that a process ended in the middle of; a live upload is younger than an hour.
void remove_stale_uploads(const std::filesystem::path& dir) {
  std::error_code ec;
  auto cutoff = std::filesystem::file_time_type::clock::now() - std::chrono::hours(1);
  for (const auto& e : std::filesystem::directory_iterator(dir, ec))
    if (e.last_write_time(ec) < cutoff) std::filesystem::remove(e.path(), ec);
}

// Every connection is a file descriptor; the soft limit (often 1,024) is lower than the connections the
// server takes.
void raise_open_files_limit() {
  rlimit r{};
  if (getrlimit(RLIMIT_NOFILE, &r) == 0 && r.rlim_cur < r.rlim_max) {
    r.rlim_cur = r.rlim_max;
    setrlimit(RLIMIT_NOFILE, &r);
  }
}
}  // namespace

std::unique_ptr<Clock> clock_from_environment() {
  if (const char* file = std::getenv("BOXOFFICE_TEST_CLOCK_FILE")) {
    spdlog::warn("time comes from {} (a test clock)", file);
    return std::make_unique<FileClock>(file);
  }
  return std::make_unique<Clock>();
}

int serve(const ServeConfig& cfg) {
  raise_open_files_limit();
  prepare_database(cfg.db_url);
  store::Database db(cfg.db_url);
  auto clock_source = clock_from_environment();
  const Clock& clock = *clock_source;
  if (cfg.demo) {
    auto c = db.acquire();
    if (services::seed_demo_data(*c, clock.now())) spdlog::info("demo data created");
  }
  services::Settings settings = cfg.settings;
  if (settings.public_url.empty()) settings.public_url = "http://localhost:" + std::to_string(cfg.server.port);
  services::Context ctx{db, clock, settings};
  std::optional<store::Database> replica;
  if (!cfg.db_read_url.empty()) {
    if (db.dialect() != store::Dialect::postgresql || cfg.db_read_url.rfind("postgresql://", 0) != 0)
      throw std::runtime_error("--db-read is a PostgreSQL replica of a PostgreSQL --db");
    ctx.replica = &replica.emplace(cfg.db_read_url);
  }
  http::Routes routes;
  http::add_api_routes(routes, cfg.settings.import_max_bytes, cfg.metrics_token);

  Workers workers(ctx, cfg);
  workers.register_routes(routes);
  workers.start();

  auto server_options = cfg.server;
  server_options.upload_dir = std::filesystem::path(cfg.settings.data_dir) / "uploads";
  remove_stale_uploads(server_options.upload_dir);
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
