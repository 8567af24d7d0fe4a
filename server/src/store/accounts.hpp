#pragma once
// Users, memberships, log-in sessions and API tokens. Tokens are stored as SHA-256 hashes only.
#include <optional>
#include <string>
#include <vector>

#include "domain/people.hpp"
#include "domain/order.hpp"
#include "domain/role.hpp"
#include "store/db.hpp"

namespace bo::store {
using domain::Membership;
using domain::TokenRow;

struct User {
  int64_t id = 0;
  std::string email, name, password_hash;
  bool disabled = false;
};

struct SessionRow {
  int64_t id = 0, user_id = 0, created_at = 0, last_seen_at = 0, expires_at = 0;
  std::string csrf_token, user_email, user_name;
  std::optional<std::string> user_language;
};

std::optional<User> find_user_by_email(Connection& c, std::string_view email);
std::optional<User> find_user(Connection& c, int64_t id);
// Cached log-ins carry the language: the change goes through auth_changed.
void set_user_language(Connection& c, int64_t user_id, const std::optional<std::string>& language);
int64_t insert_user(Connection& c, std::string_view email, std::string_view name, std::string_view password_hash,
                    int64_t now);
void set_user_name_and_password(Connection& c, int64_t user_id, std::string_view name,
                                std::string_view password_hash);
void set_membership(Connection& c, int64_t user_id, int64_t org_id, domain::Role role, int64_t now);
// The user's enabled memberships, in the order the user joined them.
std::vector<Membership> memberships_of(Connection& c, int64_t user_id);

int64_t insert_session(Connection& c, std::string_view token_hash, std::string_view csrf, int64_t user_id,
                       int64_t now, int64_t expires_at);
// A session of an enabled user.
std::optional<SessionRow> find_session(Connection& c, std::string_view token_hash);
void touch_session(Connection& c, int64_t id, int64_t now);
void delete_session(Connection& c, int64_t id);
void delete_sessions_of_user(Connection& c, int64_t user_id);

// An unrevoked token with its organisation.
// Every change a log-in depends on calls auth_changed in its transaction; see 005_auth_epoch.sql.
void auth_changed(Connection& c);
int64_t auth_epoch(Connection& c);

std::optional<std::pair<TokenRow, domain::Organisation>> find_token(Connection& c, std::string_view token_hash);
void touch_token(Connection& c, int64_t id, int64_t now);

}  // namespace bo::store
