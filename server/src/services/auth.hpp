#pragma once
// Who is calling: log-in with password (argon2id), cookie sessions with idle and absolute expiry,
// and API tokens. A Principal carries the organisation chosen for this request and the role in it.
#include <optional>
#include <string>
#include <vector>

#include "common/time.hpp"
#include "domain/order.hpp"
#include "domain/permissions.hpp"
#include "domain/role.hpp"
#include "store/accounts.hpp"
#include "store/db.hpp"
#include "services/context.hpp"
#include "services/login_throttle.hpp"

namespace bo::services {

inline constexpr int64_t kSessionIdleSeconds = 8 * 3600;
inline constexpr int64_t kSessionAbsoluteSeconds = 7 * 86400;

struct Principal {
  enum class Kind { user, token } kind = Kind::user;
  int64_t id = 0;  // user id or token id
  std::string name, email;
  std::optional<std::string> language;  // users: the UI language they chose
  std::optional<int64_t> session_id;
  std::string csrf_token;  // sessions only
  std::vector<domain::Membership> memberships;  // users: all; tokens: its one organisation
  domain::Organisation organisation;           // chosen for this request
  domain::Role role = domain::Role::viewer;
  std::string via, confirmation;  // see domain::Actor; set by the agent interface
  domain::Actor actor() const;
};

// Throws forbidden unless the principal's role has the permission.
void require(const Principal& p, domain::Permission permission);
bool allowed(const Principal& p, domain::Permission permission);

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

// The same for a request, on a connection of the context's database at the context's time.
LoginResult login(Context& ctx, std::string_view email, std::string_view password, std::string_view client);
void logout(Context& ctx, const Principal& p);
std::optional<Principal> authenticate_session(Context& ctx, std::string_view session_token,
                                              std::string_view organisation_slug);
std::optional<Principal> authenticate_token(Context& ctx, std::string_view bearer, std::string_view organisation_slug);

// Creates a user (or updates the password of an existing one) with an enabled role in an organisation.
int64_t add_user(store::Connection& c, std::string_view email, std::string_view name, std::string_view password,
                 int64_t org_id, domain::Role role, int64_t now);
// The same in the organisation `slug`, in one transaction, creating that organisation from `create` when
// there is none; nullopt when there is none and `create` is empty.
std::optional<domain::Organisation> add_user_in(store::Database& db, const std::string& slug, std::string_view email,
                                                std::string_view name, std::string_view password, domain::Role role,
                                                const std::optional<domain::Organisation>& create, int64_t now);

}  // namespace bo::services
