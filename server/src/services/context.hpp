#pragma once
// What every use case needs from the outside: the database, the clock, settings, and a way to wake
// background workers after a commit.
#include <functional>
#include <string>

#include "common/time.hpp"
#include "store/db.hpp"

namespace bo::payments {
class PaymentProvider;
}

namespace bo::services {

struct Settings {
  std::string public_url = "http://localhost:8080";  // for links in e-mails
  std::string data_dir = "data";
  int64_t import_max_bytes = 100 * 1024 * 1024;
  int resend_per_hour = 5;
  int64_t personalisation_link_days = 14;
  int64_t refund_poll_seconds = 600;       // how often a submitted refund is checked at its provider
  int64_t demo_refund_delay_seconds = 2;   // the demo provider completes refunds this long after submission
  int64_t refund_retry_seconds = 30;       // first retry after a provider call with unknown outcome (doubles)
};

struct Context {
  store::Database& db;
  const Clock& clock;
  Settings settings;
  // A streaming replica (serve --db-read) for the reads that may be a moment behind the primary: order
  // lists and search, exports, reports. nullptr: those read the primary too.
  store::Database* replica = nullptr;
  std::function<void()> wake_mailer = [] {};
  std::function<void()> wake_refunds = [] {};
  std::function<void()> wake_imports = [] {};
  std::function<void()> wake_webhooks = [] {};
  // The payment provider by name (stripe, mollie, demo); nullptr when it is not configured.
  std::function<payments::PaymentProvider*(const std::string&)> provider = [](const std::string&) {
    return static_cast<payments::PaymentProvider*>(nullptr);
  };
};

// The replica when there is one and it answers, otherwise the primary.
store::Database& lagging_reads(Context& ctx);

}  // namespace bo::services
