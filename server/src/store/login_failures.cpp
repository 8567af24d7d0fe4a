#include "store/login_failures.hpp"

namespace bo::store {
namespace {
FailureHistory read_history(const Rows& rows) {
  if (rows.empty() || rows[0].null(1)) return {};
  return {rows[0].i64(0), rows[0].i64(1)};
}
}  // namespace

FailureHistory failures_of_pair(Connection& c, std::string_view email, std::string_view client, int64_t since) {
  return read_history(c.select("SELECT COUNT(*), MAX(at) FROM login_failures WHERE email = ? AND client = ? AND at > ?",
                          email, client, since));
}

FailureHistory failures_of_client(Connection& c, std::string_view client, int64_t since) {
  return read_history(c.select("SELECT COUNT(*), MAX(at) FROM login_failures WHERE client = ? AND at > ?", client, since));
}

void insert_login_failure(Connection& c, std::string_view email, std::string_view client, int64_t at) {
  c.run("INSERT INTO login_failures (email, client, at) VALUES (?, ?, ?)", email, client, at);
}

void delete_login_failures_of_pair(Connection& c, std::string_view email, std::string_view client) {
  c.run("DELETE FROM login_failures WHERE email = ? AND client = ?", email, client);
}

void delete_login_failures_before(Connection& c, int64_t before) {
  c.run("DELETE FROM login_failures WHERE at < ?", before);
}

}  // namespace bo::store
