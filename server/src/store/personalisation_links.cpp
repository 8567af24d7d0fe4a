#include "store/personalisation_links.hpp"

namespace bo::store {

void insert_personalisation_link(Connection& c, int64_t org_id, int64_t order_id, std::string_view token_hash,
                                 int64_t expires_at, int64_t now) {
  c.run("INSERT INTO personalisation_links (organisation_id, order_id, token_hash, expires_at, created_at) "
      "VALUES (?, ?, ?, ?, ?)",
      org_id, order_id, token_hash, expires_at, now);
}

std::optional<PersonalisationLinkRow> find_personalisation_link(Connection& c, std::string_view token_hash) {
  auto r = c.select_one("SELECT organisation_id, order_id, expires_at FROM personalisation_links WHERE token_hash = ?",
                 token_hash);
  if (!r) return std::nullopt;
  Fields f(*r);
  return PersonalisationLinkRow{f.i64(), f.i64(), f.i64()};
}

}  // namespace bo::store
