#pragma once
// Who is calling: log-in with password (argon2id), cookie sessions with idle and absolute expiry,
// and API tokens. A Principal carries the organisation chosen for this request and the role in it.
#include <optional>
#include <string>
#include <vector>

#include "common/time.hpp"
#include "domain/order.hpp"
#include "domain/role.hpp"
#include "store/accounts.hpp"
#include "store/db.hpp"
#include "services/login_throttle.hpp"

namespace bo::services {

inline constexpr int64_t kSessionIdleSeconds = 8 * 3600;
inline constexpr int64_t kSessionAbsoluteSeconds = 7 * 86400;

struct Principal {
  enum class Kind { user, token } kind = Kind::user;
  int64_t id = 0;  // user id or token id
  std::string name, email;
  std::optional<int64_t> session_id;
  std::string csrf_token;  // sessions only
  std::vector<store::Membership> memberships;  // users: all; tokens: its one organisation
  domain::Organisation organisation;           // chosen for this request
  domain::Role role = domain::Role::viewer;
  domain::Actor actor() const;
};

std::string hash_password(std::string_view password);
bool verify_password(std::string_view hash, std::string_view password);
// Refuses short, overly common or e-mail-like passwords with a message; empty when acceptable.
std::string password_problem(std::string_view password, std::string_view email);

struct LoginResult {
  std::string session_token;  // goes into the cookie; only its hash is stored
  Principal principal;
};
// Throws Error invalid_credentials (401) or RateLimited (429, see services/login_throttle.hpp). An unknown or
// disabled e-mail address costs the same password check (against a fixed hash) and gets the same answer.
LoginResult login(store::Connection& c, std::string_view email, std::string_view password, std::string_view client,
                  int64_t now);
void logout(store::Connection& c, const Principal& p);
// A new session for a user whose identity is already established (log-in, an accepted invitation), with
// `organisation_slug` chosen; Error forbidden when the user has no enabled membership.
LoginResult start_session(store::Connection& c, int64_t user_id, std::string_view organisation_slug, int64_t now);

// nullopt when the session or token is unknown, expired, revoked or its user disabled.
// `organisation_slug` empty → the first organisation; unknown slug → Error not_found.
std::optional<Principal> authenticate_session(store::Connection& c, std::string_view session_token,
                                              std::string_view organisation_slug, int64_t now);
std::optional<Principal> authenticate_token(store::Connection& c, std::string_view bearer,
                                            std::string_view organisation_slug, int64_t now);

// Creates a user (or updates the password of an existing one) with an enabled role in an organisation.
int64_t add_user(store::Connection& c, std::string_view email, std::string_view name, std::string_view password,
                 int64_t org_id, domain::Role role, int64_t now);

}  // namespace bo::services
