#include "store/accounts.hpp"
#include "store/states.hpp"

#include "store/organisations.hpp"

namespace bo::store {
namespace {
User read_user(const Row& r) {
  Fields f(r);
  return User{f.i64(), f.text(), f.text(), f.text(), f.boolean()};
}
}  // namespace

std::optional<User> find_user_by_email(Connection& c, std::string_view email) {
  auto r = c.select_one("SELECT id, email, name, password_hash, disabled FROM users WHERE email = ?",
                 domain::to_lower_ascii(email));
  if (!r) return std::nullopt;
  return read_user(*r);
}

std::optional<User> find_user(Connection& c, int64_t id) {
  auto r = c.select_one("SELECT id, email, name, password_hash, disabled FROM users WHERE id = ?", id);
  if (!r) return std::nullopt;
  return read_user(*r);
}

void set_user_name_and_password(Connection& c, int64_t user_id, std::string_view name,
                                std::string_view password_hash) {
  c.run("UPDATE users SET password_hash = ?, name = ? WHERE id = ?", password_hash, name, user_id);
}

void set_user_language(Connection& c, int64_t user_id, const std::optional<std::string>& language) {
  c.run("UPDATE users SET language = ? WHERE id = ?", language, user_id);
  auth_changed(c);
}

int64_t insert_user(Connection& c, std::string_view email, std::string_view name, std::string_view password_hash,
                    int64_t now) {
  return c.select("INSERT INTO users (email, name, password_hash, created_at) VALUES (?, ?, ?, ?) RETURNING id",
             domain::to_lower_ascii(email), name, password_hash, now)[0]
      .i64(0);
}

void set_membership(Connection& c, int64_t user_id, int64_t org_id, domain::Role role, int64_t now) {
  if (c.run("UPDATE memberships SET role = ? WHERE user_id = ? AND organisation_id = ?", domain::to_string(role),
          user_id, org_id) == 0)
    c.run("INSERT INTO memberships (user_id, organisation_id, role, created_at) VALUES (?, ?, ?, ?)", user_id, org_id,
        domain::to_string(role), now);
  auth_changed(c);
}

void auth_changed(Connection& c) { c.run("UPDATE auth_epoch SET n = n + 1 WHERE id = 1"); }

int64_t auth_epoch(Connection& c) { return c.select("SELECT n FROM auth_epoch WHERE id = 1")[0].i64(0); }

std::vector<Membership> memberships_of(Connection& c, int64_t user_id) {
  std::vector<Membership> out;
  for (const auto& r : c.select(std::string("SELECT m.role, ") + kOrganisationColumns +
                               " FROM memberships m JOIN organisations o ON o.id = m.organisation_id "
                               "WHERE m.user_id = ? AND m.disabled = 0 ORDER BY m.created_at, o.id",
                           user_id)) {
    Fields f(r);
    auto role = read_role(f.text());
    out.push_back({read_organisation(f), role});
  }
  return out;
}

int64_t insert_session(Connection& c, std::string_view token_hash, std::string_view csrf, int64_t user_id,
                       int64_t now, int64_t expires_at) {
  return c.select("INSERT INTO sessions (token_hash, csrf_token, user_id, created_at, last_seen_at, expires_at) "
             "VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
             token_hash, csrf, user_id, now, now, expires_at)[0]
      .i64(0);
}

std::optional<SessionRow> find_session(Connection& c, std::string_view token_hash) {
  auto r = c.select_one(
      "SELECT s.id, s.user_id, s.created_at, s.last_seen_at, s.expires_at, s.csrf_token, u.email, u.name, u.language "
      "FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ? AND u.disabled = 0",
      token_hash);
  if (!r) return std::nullopt;
  Fields f(*r);
  return SessionRow{f.i64(), f.i64(), f.i64(), f.i64(), f.i64(), f.text(), f.text(), f.text(), f.opt_text()};
}

void touch_session(Connection& c, int64_t id, int64_t now) {
  c.run("UPDATE sessions SET last_seen_at = ? WHERE id = ?", now, id);
}
void delete_session(Connection& c, int64_t id) {
  c.run("DELETE FROM sessions WHERE id = ?", id);
  auth_changed(c);
}
void delete_sessions_of_user(Connection& c, int64_t user_id) {
  c.run("DELETE FROM sessions WHERE user_id = ?", user_id);
  auth_changed(c);
}

std::optional<std::pair<TokenRow, domain::Organisation>> find_token(Connection& c, std::string_view token_hash) {
  auto r = c.select_one(std::string("SELECT t.id, t.organisation_id, t.name, t.prefix, t.role, t.last_used_at, "
                             "t.revoked_at, t.created_at, ") +
                     kOrganisationColumns +
                     " FROM api_tokens t JOIN organisations o ON o.id = t.organisation_id "
                     "WHERE t.token_hash = ? AND t.revoked_at IS NULL",
                 token_hash);
  if (!r) return std::nullopt;
  Fields f(*r);
  TokenRow t{f.i64(), f.i64(), f.text(), f.text(), read_role(f.text()), f.opt_i64(), f.opt_i64(), f.i64()};
  return std::pair{t, read_organisation(f)};
}

void touch_token(Connection& c, int64_t id, int64_t now) {
  c.run("UPDATE api_tokens SET last_used_at = ? WHERE id = ?", now, id);
}
}  // namespace bo::store
