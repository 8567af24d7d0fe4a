#include "store/api_tokens.hpp"
#include "store/states.hpp"

#include "store/accounts.hpp"

namespace bo::store {
namespace {
constexpr const char* kTokenSelect =
    "SELECT t.id, t.organisation_id, t.name, t.prefix, t.role, t.last_used_at, t.revoked_at, t.created_at, "
    "COALESCE(u.name, '') FROM api_tokens t LEFT JOIN users u ON u.id = t.created_by ";

TokenListItem read_token(const Row& r) {
  Fields f(r);
  TokenRow t{f.i64(), f.i64(), f.text(), f.text(), read_role(f.text()), f.opt_i64(), f.opt_i64(), f.i64()};
  return TokenListItem{t, f.text()};
}
}  // namespace

std::vector<TokenListItem> list_tokens(Connection& c, int64_t org_id) {
  std::vector<TokenListItem> out;
  for (const auto& r : c.select(std::string(kTokenSelect) +
                               "WHERE t.organisation_id = ? AND t.revoked_at IS NULL ORDER BY t.id DESC",
                           org_id))
    out.push_back(read_token(r));
  return out;
}

std::optional<TokenListItem> find_token_by_id(Connection& c, int64_t org_id, int64_t id) {
  auto r = c.select_one(std::string(kTokenSelect) + "WHERE t.id = ? AND t.organisation_id = ?", id, org_id);
  if (!r) return std::nullopt;
  return read_token(*r);
}

int64_t count_active_tokens(Connection& c, int64_t org_id) {
  return c.select("SELECT COUNT(*) FROM api_tokens WHERE organisation_id = ? AND revoked_at IS NULL", org_id)[0].i64(0);
}

int64_t insert_token(Connection& c, int64_t org_id, std::string_view name, domain::Role role,
                     std::string_view token_hash, std::string_view prefix, std::optional<int64_t> created_by,
                     int64_t now) {
  return c.select("INSERT INTO api_tokens (organisation_id, name, role, token_hash, prefix, created_by, created_at) "
             "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
             org_id, name, domain::to_string(role), token_hash, prefix, created_by, now)[0]
      .i64(0);
}

bool revoke_token(Connection& c, int64_t org_id, int64_t id, int64_t now) {
  if (c.run("UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND organisation_id = ? AND revoked_at IS NULL", now,
          id, org_id) == 0)
    return false;
  auth_changed(c);
  return true;
}

int64_t revoke_tokens_created_by(Connection& c, int64_t org_id, int64_t user_id, int64_t now) {
  auto n = c.run("UPDATE api_tokens SET revoked_at = ? WHERE organisation_id = ? AND created_by = ? AND revoked_at IS NULL",
               now, org_id, user_id);
  if (n > 0) auth_changed(c);
  return n;
}

}  // namespace bo::store
