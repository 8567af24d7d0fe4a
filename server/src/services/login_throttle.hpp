#pragma once
// Password guessing costs time instead of locking anyone out. Two delays, and an attempt waits for the
// longer of them:
// - per account and client address: after 3 wrong passwords in a row, 2 s, doubling with every further
//   failure up to 15 min; a correct password forgets them. The owner on another address is not slowed.
// - per client address across all e-mails (password spraying): after 20 wrong passwords within an hour,
//   2 s, doubling up to 15 min.
// Times are whole seconds, so a wait of 2 s keeps the next attempt out for at least one second.
// An IPv6 client counts by its /64 network. Refused attempts are not counted and check no password.
#include <cstdint>
#include <string_view>

#include "store/db.hpp"
#include "store/login_failures.hpp"

namespace bo::services {

struct ThrottleRule {
  int64_t free_failures;  // failures that cost no wait
  int64_t first_delay;    // seconds after the first counted failure; doubles with each one after it
  int64_t max_delay;
  int64_t memory;         // failures older than this many seconds are forgotten
};

inline constexpr ThrottleRule kAccountAddressRule{3, 2, 15 * 60, 24 * 3600};
inline constexpr ThrottleRule kAddressRule{20, 2, 15 * 60, 3600};

// Seconds until the next attempt is allowed by `rule` given these failures; 0: now.
int64_t seconds_to_wait(const store::FailureHistory& failures, const ThrottleRule& rule, int64_t now);

// Throws RateLimited (429 with Retry-After) while either delay runs.
void check_password_attempts(store::Connection& c, std::string_view email, std::string_view client, int64_t now);
void record_password_failure(store::Connection& c, std::string_view email, std::string_view client, int64_t now);
void clear_password_failures(store::Connection& c, std::string_view email, std::string_view client);

}  // namespace bo::services
