#pragma once
// Members, memberships, invitations and API tokens of an organisation.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/order.hpp"
#include "domain/role.hpp"
#include "domain/states.hpp"

namespace bo::domain {

struct Member {
  int64_t user_id = 0;
  std::string email, name;
  Role role = Role::viewer;
  bool disabled = false;  // in this organisation
  int64_t joined_at = 0;
  std::optional<int64_t> last_seen_at;  // latest activity of any of the user's sessions
  int64_t api_tokens = 0;               // unrevoked tokens they made in this organisation
};

struct Membership {
  Organisation organisation;
  Role role = Role::viewer;
};

struct TokenRow {
  int64_t id = 0, organisation_id = 0;
  std::string name, prefix;
  Role role = Role::viewer;
  std::optional<int64_t> last_used_at, revoked_at;
  int64_t created_at = 0;
};

struct Invitation {
  int64_t id = 0, organisation_id = 0, created_at = 0, expires_at = 0;
  std::string email, name;
  Role role = Role::viewer;
  Actor invited_by;
  std::optional<int64_t> accepted_at, revoked_at;
};

struct TokenListItem {
  TokenRow token;
  std::string created_by;  // the creating user's name, or ""
};

}  // namespace bo::domain
