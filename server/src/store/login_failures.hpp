#pragma once
// Wrong passwords by (e-mail, client address), the memory of log-in throttling.
#include <cstdint>
#include <string_view>

#include "store/db.hpp"

namespace bo::store {

struct FailureHistory {
  int64_t count = 0;
  int64_t last_at = 0;  // 0 when count is 0
};

FailureHistory failures_of_pair(Connection& c, std::string_view email, std::string_view client, int64_t since);
FailureHistory failures_of_client(Connection& c, std::string_view client, int64_t since);
void insert_login_failure(Connection& c, std::string_view email, std::string_view client, int64_t at);
void delete_login_failures_of_pair(Connection& c, std::string_view email, std::string_view client);
void delete_login_failures_before(Connection& c, int64_t before);

}  // namespace bo::store
