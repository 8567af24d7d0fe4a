#pragma once
// Invitations to join an organisation (see 009_invitations.sql). Tokens are stored as SHA-256 only.
#include <optional>
#include <string>
#include <vector>

#include "domain/people.hpp"
#include "domain/order.hpp"
#include "domain/role.hpp"
#include "store/db.hpp"

namespace bo::store {
using domain::Invitation;

struct NewInvitation {
  int64_t organisation_id = 0;
  std::string email, name;
  domain::Role role = domain::Role::viewer;
  domain::Actor invited_by;
  std::string token_hash;
  int64_t expires_at = 0;
};

int64_t insert_invitation(Connection& c, const NewInvitation& in, int64_t now);
// Neither accepted nor revoked (expired ones included), newest first.
std::vector<Invitation> open_invitations(Connection& c, int64_t org_id);
// Locked for update (PostgreSQL): for use in a write transaction.
std::optional<Invitation> find_invitation(Connection& c, int64_t org_id, int64_t id);
// The invitation of this token hash, in any state; `lock`: for update, in a write transaction (PostgreSQL).
std::optional<Invitation> find_invitation_by_token(Connection& c, std::string_view token_hash, bool lock = false);
// The open invitation for this address in this organisation, if any.
std::optional<Invitation> open_invitation_for(Connection& c, int64_t org_id, std::string_view email);
int64_t count_open_invitations(Connection& c, int64_t org_id);
void renew_invitation(Connection& c, int64_t id, std::string_view token_hash, int64_t expires_at);
void revoke_invitation(Connection& c, int64_t id, int64_t now);
// Revokes the open invitations a user sent in this organisation; returns how many.
int64_t revoke_invitations_sent_by(Connection& c, int64_t org_id, int64_t user_id, int64_t now);
void mark_invitation_accepted(Connection& c, int64_t id, int64_t user_id, int64_t now);

}  // namespace bo::store
