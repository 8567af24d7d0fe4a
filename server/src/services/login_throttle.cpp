#include "services/login_throttle.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <atomic>
#include <string>

#include "common/error.hpp"
#include "common/ip_address.hpp"
#include "domain/contact.hpp"

namespace bo::services {
namespace {
constexpr size_t kMaxEmailKept = 320;

std::string email_key(std::string_view email) {
  auto e = domain::to_lower_ascii(domain::trim(email));
  if (e.size() > kMaxEmailKept) e.resize(kMaxEmailKept);
  return e;
}

// Old failures are swept at most once a minute per process; each check reads only its own window.
void sweep(store::Connection& c, int64_t now) {
  static std::atomic<int64_t> last_sweep{0};
  int64_t last = last_sweep.load();
  if (now - last < 60 || !last_sweep.compare_exchange_strong(last, now)) return;
  store::delete_login_failures_before(c, now - std::max(kAccountAddressRule.memory, kAddressRule.memory));
}
}  // namespace

int64_t seconds_to_wait(const store::FailureHistory& failures, const ThrottleRule& rule, int64_t now) {
  if (failures.count < rule.free_failures) return 0;
  int64_t doublings = std::min<int64_t>(failures.count - rule.free_failures, 30);
  int64_t delay = std::min(rule.max_delay, rule.first_delay << doublings);
  return std::max<int64_t>(0, failures.last_at + delay - now);
}

void check_password_attempts(store::Connection& c, std::string_view email, std::string_view client, int64_t now) {
  auto key = email_key(email);
  auto group = address_group(client);
  int64_t wait = std::max(
      seconds_to_wait(store::failures_of_pair(c, key, group, now - kAccountAddressRule.memory), kAccountAddressRule,
                      now),
      seconds_to_wait(store::failures_of_client(c, group, now - kAddressRule.memory), kAddressRule, now));
  if (wait > 0)
    throw RateLimited(wait, "Too many wrong passwords. Try again in " + std::to_string(wait) +
                                (wait == 1 ? " second." : " seconds."));
}

void record_password_failure(store::Connection& c, std::string_view email, std::string_view client, int64_t now) {
  auto key = email_key(email);
  auto group = address_group(client);
  store::insert_login_failure(c, key, group, now);
  if (store::failures_of_pair(c, key, group, now - kAccountAddressRule.memory).count == kAccountAddressRule.free_failures)
    spdlog::warn("log-in: {} wrong passwords for {} from {}; further attempts from there wait",
                 kAccountAddressRule.free_failures, key, group);
  if (store::failures_of_client(c, group, now - kAddressRule.memory).count == kAddressRule.free_failures)
    spdlog::warn("log-in: {} wrong passwords from {} within an hour; further attempts from there wait",
                 kAddressRule.free_failures, group);
  sweep(c, now);
}

void clear_password_failures(store::Connection& c, std::string_view email, std::string_view client) {
  store::delete_login_failures_of_pair(c, email_key(email), address_group(client));
}

}  // namespace bo::services
