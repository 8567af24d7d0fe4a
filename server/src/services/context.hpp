#pragma once
// What every use case needs from the outside: the database, the clock, settings, and a way to wake
// background workers after a commit.
#include <functional>
#include <string>

#include "common/time.hpp"
#include "store/db.hpp"

namespace bo::services {

struct Settings {
  std::string public_url = "http://localhost:8080";  // for links in e-mails
  std::string data_dir = "data";
  int64_t import_max_bytes = 100 * 1024 * 1024;
  int resend_per_hour = 5;
  int64_t personalisation_link_days = 14;
};

struct Context {
  store::Database& db;
  const Clock& clock;
  Settings settings;
  std::function<void()> wake_mailer = [] {};
  std::function<void()> wake_refunds = [] {};
  std::function<void()> wake_imports = [] {};
};

}  // namespace bo::services
