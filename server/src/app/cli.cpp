#include "app/cli.hpp"

#include <CLI/CLI.hpp>
#include <spdlog/spdlog.h>

#include <filesystem>

#include "app/commands.hpp"
#include "app/config.hpp"
#include "app/secret_options.hpp"
#include "common/ip_address.hpp"

namespace bo {
namespace {
std::filesystem::path default_web_root(const char* argv0) {
  namespace fs = std::filesystem;
  std::error_code ec;
  auto exe = fs::canonical("/proc/self/exe", ec);
  if (ec) exe = fs::absolute(argv0);
  return exe.parent_path().parent_path() / "web" / "dist";
}
// What every command that acts on orders needs: the database, links, files, payment providers.
void add_shop_options(CLI::App& cmd, app::ServeConfig& cfg, app::SecretOptions& secrets) {
  secrets.add(cmd, "--db", cfg.db_url, "BOXOFFICE_DB", "sqlite:PATH or postgresql://… [sqlite:data/boxoffice.db]");
  cfg.settings.public_url.clear();
  cmd.add_option("--public-url", cfg.settings.public_url,
                 "Base URL used in links in e-mails (default: http://localhost:<port>)");
  cmd.add_option("--data-dir", cfg.settings.data_dir, "Folder for the outbox files")->capture_default_str();
  cmd.add_option("--refund-retry-seconds", cfg.settings.refund_retry_seconds,
                 "First retry delay after a provider call with unknown outcome (doubles)")->capture_default_str();
  cmd.add_option("--stripe-url", cfg.stripe_url, "Stripe API base URL")->capture_default_str();
  secrets.add(cmd, "--stripe-key", cfg.stripe_key, "BOXOFFICE_STRIPE_KEY", "Stripe secret key");
  secrets.add(cmd, "--stripe-webhook-secret", cfg.stripe_webhook_secret, "BOXOFFICE_STRIPE_WEBHOOK_SECRET",
              "Stripe webhook signing secret");
  cmd.add_option("--mollie-url", cfg.mollie_url, "Mollie API base URL")->capture_default_str();
  secrets.add(cmd, "--mollie-key", cfg.mollie_key, "BOXOFFICE_MOLLIE_KEY", "Mollie API key");
  cmd.add_option("--provider-timeout-seconds", cfg.provider_timeout_seconds, "Time limit of a payment-provider call")
      ->capture_default_str();
}
}  // namespace

int run_cli(int argc, char** argv) {
  CLI::App app{"Boxoffice: the ticketing backoffice"};
  app.require_subcommand(1);

  app::ServeConfig cfg;
  cfg.server.web_root = default_web_root(argv[0]);
  int64_t header_seconds = cfg.server.header_time_limit.count(), read_seconds = cfg.server.read_time_limit.count();
  auto* serve = app.add_subcommand("serve", "Serve the API and the web UI");
  app::SecretOptions secrets;
  add_shop_options(*serve, cfg, secrets);
  serve->add_option("--port", cfg.server.port, "TCP port")->capture_default_str();
  serve->add_option("--address", cfg.server.address, "Address to listen on")->capture_default_str();
  serve->add_option("--threads", cfg.server.threads, "HTTP worker threads")->capture_default_str();
  serve->add_option("--rate-limit", cfg.server.rate_limit, "Requests per second per user, token or client (0: off)")
      ->capture_default_str();
  serve->add_option("--max-connections", cfg.server.max_connections, "Open connections the server takes")
      ->capture_default_str();
  serve->add_option("--max-connections-per-client", cfg.server.max_connections_per_client,
                    "Open connections one client address may hold (0: no cap)")->capture_default_str();
  serve->add_option("--header-time-limit", header_seconds, "Seconds from a request's first byte to its last header")
      ->capture_default_str()->check(CLI::PositiveNumber);
  serve->add_option("--read-time-limit", read_seconds,
                    "Seconds an idle connection stays open, and the longest a whole request may take to arrive")
      ->capture_default_str()->check(CLI::PositiveNumber);
  serve->add_flag("--demo", cfg.demo, "Create demo data on first start");
  secrets.add(*serve, "--smtp", cfg.smtp_url, "BOXOFFICE_SMTP",
              "smtp[s]://user:pass@host:port (default: .eml files in data/outbox)");
  serve->add_option("--mail-from", cfg.mail_from, "Envelope sender for e-mail (default: the organisation's)");
  serve->add_option("--mail-retry-seconds", cfg.mail_retry_seconds, "First retry delay of a failed e-mail (doubles)")
      ->capture_default_str();
  serve->add_option("--mail-workers", cfg.mail_workers, "Parallel e-mail deliveries")->capture_default_str();
  serve->add_option("--refund-poll-seconds", cfg.settings.refund_poll_seconds,
                    "How often pending refunds are checked at their provider")->capture_default_str();
  serve->add_option("--web-root", cfg.server.web_root, "Folder of the built web UI");
  secrets.add(*serve, "--db-read", cfg.db_read_url, "BOXOFFICE_DB_READ",
              "A streaming replica (postgresql://…) for order lists, search, exports and reports");
  std::vector<std::string> trusted_proxies;
  serve->add_option("--trusted-proxy", trusted_proxies,
                    "A proxy's address or network (CIDR, IPv4 or IPv6) whose X-Forwarded-For is believed; repeatable")
      ->check(CLI::Validator(
          [](std::string& s) { return IpNetwork::parse(s) ? std::string() : "not an IP address or network: " + s; },
          "CIDR"));
  secrets.add(*serve, "--metrics-token", cfg.metrics_token, "BOXOFFICE_METRICS_TOKEN",
              "Bearer token for GET /metrics (without it, only a local peer that is not a trusted proxy may read it)");
  serve->add_option("--import-max-bytes", cfg.settings.import_max_bytes, "Largest import file")->capture_default_str();

  std::string user_db = "sqlite:data/boxoffice.db", user_org, user_email, user_role = "admin", user_name;
  auto* user = app.add_subcommand("user", "Manage users");
  user->require_subcommand(1);
  auto* user_add = user->add_subcommand("add", "Create a user (password read from stdin) with a role");
  user_add->add_option("--db", user_db)->capture_default_str();
  user_add->add_option("--org", user_org, "Organisation slug")->required();
  user_add->add_option("--email", user_email)->required();
  user_add->add_option("--name", user_name);
  user_add->add_option("--role", user_role)->check(CLI::IsMember({"viewer", "support", "finance", "admin"}))->capture_default_str();
  std::string org_name, org_currency = "EUR", org_zone = "Europe/Amsterdam", org_country = "NL", org_sender;
  user_add->add_option("--create-org", org_name, "Create the organisation with this name when it does not exist");
  user_add->add_option("--currency", org_currency)->capture_default_str();
  user_add->add_option("--time-zone", org_zone)->capture_default_str();
  user_add->add_option("--country", org_country)->capture_default_str();
  user_add->add_option("--sender-email", org_sender);

  std::string gen_db = "sqlite:data/boxoffice.db";
  int64_t gen_orders = 1000;
  auto* gen = app.add_subcommand("generate", "Add generated orders for benchmarks");
  gen->add_option("--db", gen_db)->capture_default_str();
  gen->add_option("--orders", gen_orders, "How many orders")->capture_default_str();

  app::ImportArgs import_args;
  import_args.db_url = "sqlite:data/boxoffice.db";
  auto* import = app.add_subcommand("import", "Import orders from a CSV file (see docs/import-format.md)");
  import->add_option("FILE", import_args.file, "The CSV file")->required();
  import->add_option("--org", import_args.org, "Organisation slug")->required();
  import->add_option("--db", import_args.db_url)->capture_default_str();
  import->add_flag("--dry-run", import_args.dry_run, "Validate and preview only; write nothing");
  import->add_flag("--send-emails", import_args.send_emails, "Queue the ticket e-mail of each new paid order");

  app::ServeConfig mcp_cfg;
  app::SecretOptions mcp_secrets;
  auto* mcp = app.add_subcommand("mcp", "Serve the agent interface (MCP) over stdin/stdout; token in BOXOFFICE_TOKEN");
  add_shop_options(*mcp, mcp_cfg, mcp_secrets);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : 2;  // usage errors
  }
  try {
    if (*import) return app::import_orders(import_args);
    if (*serve) {
      cfg.server.header_time_limit = std::chrono::seconds(header_seconds);
      cfg.server.read_time_limit = std::chrono::seconds(read_seconds);
      secrets.read_files();
      for (const auto& t : trusted_proxies) cfg.server.trusted_proxies.push_back(*IpNetwork::parse(t));
      return app::serve(cfg);
    }
    if (*user_add)
      return app::user_add(user_db, user_org, user_email, user_name, user_role,
                           {org_name, org_currency, org_zone, org_country, org_sender});
    if (*gen) return app::generate(gen_db, gen_orders);
    if (*mcp) {
      mcp_secrets.read_files();
      return app::mcp_stdio(mcp_cfg);
    }
  } catch (const std::exception& e) {
    spdlog::error("{}", e.what());
    return 1;
  }
  return 0;
}
}  // namespace bo
