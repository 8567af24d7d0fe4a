#pragma once
// The colleagues of an organisation: adding them with a role, changing the role, disabling the
// account (its sessions end at once), removing them; and each user's own password change.
// The organisation always keeps at least one enabled admin (409 last_admin).
#include <optional>
#include <string>
#include <vector>

#include "services/auth.hpp"
#include "services/context.hpp"
#include "store/members.hpp"

namespace bo::services {

inline constexpr int64_t kMaxMembersPerOrganisation = 1000;

// Roles come as text ("viewer" … "admin") and are validated with the other fields.
struct NewMember {
  std::string email, name, role;
  std::optional<std::string> password;  // for a new account; generated when absent
};

struct AddedMember {
  store::Member member;
  bool new_account = false;                 // false: an existing account got a membership, password unchanged
  std::optional<std::string> initial_password;  // only when generated here; shown once
};

struct MemberPatch {
  std::optional<std::string> role;
  std::optional<bool> disabled;
};

std::vector<store::Member> list_members(Context& ctx, const Principal& p);
AddedMember add_member(Context& ctx, const Principal& p, const NewMember& in);
// Disabling is refused (account_shared) when the account also belongs to an organisation the caller
// does not administer: such a person is removed from this organisation instead.
store::Member update_member(Context& ctx, const Principal& p, int64_t user_id, const MemberPatch& patch);
void remove_member(Context& ctx, const Principal& p, int64_t user_id);

// Verifies the current password (throttled like log-ins), checks the new one, and ends the user's
// other sessions. `client` is the caller's address.
void change_own_password(Context& ctx, const Principal& p, const std::string& current, const std::string& next,
                         const std::string& client);

}  // namespace bo::services
