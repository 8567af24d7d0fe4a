#pragma once
// The colleagues of an organisation (they join through services/invitations.hpp): changing the role,
// disabling or removing them here; and each user's own password change.
// The organisation always keeps at least one enabled admin (409 last_admin).
#include <optional>
#include <string>
#include <vector>

#include "services/auth.hpp"
#include "services/context.hpp"
#include "store/members.hpp"

namespace bo::services {

inline constexpr int64_t kMaxMembersPerOrganisation = 1000;

struct MemberPatch {
  std::optional<std::string> role;
  std::optional<bool> disabled;
};

std::vector<domain::Member> list_members(Context& ctx, const Principal& p);
// Disabling and removing act on this organisation's membership only; both revoke the API tokens the person
// made and the invitations they sent here. The account and its other memberships stay as they are.
domain::Member update_member(Context& ctx, const Principal& p, int64_t user_id, const MemberPatch& patch);
void remove_member(Context& ctx, const Principal& p, int64_t user_id);

// Verifies the current password (throttled like log-ins), checks the new one, and ends the user's
// other sessions. `client` is the caller's address.
// The UI language a person chose (nullopt: follow the browser); Error validation_failed for one Boxoffice
// does not speak. Returns the principal as it now is.
Principal set_own_language(Context& ctx, const Principal& p, const std::optional<std::string>& language);
void change_own_password(Context& ctx, const Principal& p, const std::string& current, const std::string& next,
                         const std::string& client);

}  // namespace bo::services
