#pragma once
// Settings of `boxoffice serve`, from the command line.
#include <string>

#include "http/server.hpp"
#include "services/context.hpp"

namespace bo::app {
struct ServeConfig {
  std::string db_url = "sqlite:data/boxoffice.db";
  std::string db_read_url;  // a streaming replica of db_url for lists, search, exports and reports
  bool demo = false;
  std::string smtp_url;  // empty: write .eml files under <data>/outbox
  std::string mail_from;
  int64_t mail_retry_seconds = 30;
  int mail_workers = 1;
  std::string stripe_url = "https://api.stripe.com", stripe_key, stripe_webhook_secret;
  std::string mollie_url = "https://api.mollie.com", mollie_key;
  int64_t provider_timeout_seconds = 10;
  std::string metrics_token;  // empty: /metrics only for a local peer that is not a trusted proxy
  http::ServerOptions server;
  services::Settings settings;
};
int serve(const ServeConfig& cfg);
}  // namespace bo::app
