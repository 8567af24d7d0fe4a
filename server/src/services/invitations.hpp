#pragma once
// Joining an organisation by invitation. An admin invites an e-mail address with a role; the outbox sends
// a single-use link ({public_url}/invite/{token}, 7 days). A new person sets their password there; someone
// who has an account accepts while logged in as that account (or by giving its password). Nothing an
// admin sees depends on whether the address has an account anywhere.
// A second invitation for an address with one pending in the same organisation replaces it.
#include <optional>
#include <string>
#include <vector>

#include "services/auth.hpp"
#include "services/context.hpp"
#include "store/invitations.hpp"

namespace bo::services {

inline constexpr int64_t kInvitationSeconds = 7 * 86400;
inline constexpr int64_t kMaxOpenInvitations = 200;
inline constexpr int64_t kMaxInvitationEmailsPerHour = 100;  // per organisation, resends included

struct InvitationInput {
  std::string email, name, role;  // role as text: viewer, support, finance or admin
  bool password_given = false;     // refused: invited people choose their own
};

// pending, expired, accepted or revoked.
std::string invitation_status(const domain::Invitation& i, int64_t now);

domain::Invitation invite(Context& ctx, const Principal& p, const InvitationInput& in);
// Neither accepted nor revoked (pending and expired), newest first. Admin only.
std::vector<domain::Invitation> list_invitations(Context& ctx, const Principal& p);
// A new token and 7 days from now; the old link stops working. E-mailed again.
domain::Invitation resend_invitation(Context& ctx, const Principal& p, int64_t id);
void revoke_invitation(Context& ctx, const Principal& p, int64_t id);

struct InvitationView {
  domain::Invitation invitation;
  domain::Organisation organisation;
  bool existing_account = false;  // accept while logged in as it; otherwise set a password
};
// By the token of the link, without log-in. Error not_found (unknown or replaced link), invitation_used,
// invitation_revoked or invitation_expired.
InvitationView invitation_by_token(Context& ctx, const std::string& token);

struct Acceptance {
  std::optional<std::string> password;       // new account: its password; existing: proves it is theirs
  std::optional<std::string> name;           // new account only
  std::optional<std::string> session_token;  // the caller's session cookie, when logged in
  std::string client;                        // the caller's address, for throttling password guesses
};
struct Accepted {
  Principal principal;                       // in the invited organisation
  std::optional<std::string> session_token;  // a new session to set as cookie
};
// Errors as invitation_by_token, and log_in_first, invitation_other_account, validation_failed.
Accepted accept_invitation(Context& ctx, const std::string& token, const Acceptance& in);

}  // namespace bo::services
