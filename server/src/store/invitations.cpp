#include "store/invitations.hpp"

namespace bo::store {
namespace {
constexpr const char* kSelect =
    "SELECT id, organisation_id, created_at, expires_at, email, name, role, invited_by_kind, invited_by_id, "
    "invited_by_name, accepted_at, revoked_at FROM invitations ";
constexpr const char* kOpen = "accepted_at IS NULL AND revoked_at IS NULL";

Invitation read_invitation(const Row& r) {
  Invitation i;
  i.id = r.i64(0);
  i.organisation_id = r.i64(1);
  i.created_at = r.i64(2);
  i.expires_at = r.i64(3);
  i.email = r.text(4);
  i.name = r.text(5);
  i.role = domain::parse_role(r.text(6)).value_or(domain::Role::viewer);
  i.invited_by = domain::Actor{r.text(7), r.opt_i64(8), r.text(9)};
  i.accepted_at = r.opt_i64(10);
  i.revoked_at = r.opt_i64(11);
  return i;
}
}  // namespace

int64_t insert_invitation(Connection& c, const NewInvitation& in, int64_t now) {
  return c.q("INSERT INTO invitations (organisation_id, email, name, role, token_hash, invited_by_kind, "
             "invited_by_id, invited_by_name, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
             "RETURNING id",
             in.organisation_id, in.email, in.name, domain::to_string(in.role), in.token_hash, in.invited_by.kind,
             in.invited_by.id, in.invited_by.name, now, in.expires_at)[0]
      .i64(0);
}

std::vector<Invitation> open_invitations(Connection& c, int64_t org_id) {
  std::vector<Invitation> out;
  for (const auto& r :
       c.q(std::string(kSelect) + "WHERE organisation_id = ? AND " + kOpen + " ORDER BY id DESC", org_id))
    out.push_back(read_invitation(r));
  return out;
}

std::optional<Invitation> find_invitation(Connection& c, int64_t org_id, int64_t id) {
  auto r = c.one(std::string(kSelect) + "WHERE organisation_id = ? AND id = ?" + c.for_update(), org_id, id);
  if (!r) return std::nullopt;
  return read_invitation(*r);
}

std::optional<Invitation> find_invitation_by_token(Connection& c, std::string_view token_hash, bool lock) {
  auto r = c.one(std::string(kSelect) + "WHERE token_hash = ?" + (lock ? c.for_update() : ""), token_hash);
  if (!r) return std::nullopt;
  return read_invitation(*r);
}

std::optional<Invitation> open_invitation_for(Connection& c, int64_t org_id, std::string_view email) {
  auto r = c.one(std::string(kSelect) + "WHERE organisation_id = ? AND email = ? AND " + kOpen, org_id, email);
  if (!r) return std::nullopt;
  return read_invitation(*r);
}

int64_t count_open_invitations(Connection& c, int64_t org_id) {
  return c.q(std::string("SELECT COUNT(*) FROM invitations WHERE organisation_id = ? AND ") + kOpen, org_id)[0].i64(0);
}

void renew_invitation(Connection& c, int64_t id, std::string_view token_hash, int64_t expires_at) {
  c.x("UPDATE invitations SET token_hash = ?, expires_at = ? WHERE id = ?", token_hash, expires_at, id);
}

void revoke_invitation(Connection& c, int64_t id, int64_t now) {
  c.x("UPDATE invitations SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", now, id);
}

int64_t revoke_invitations_sent_by(Connection& c, int64_t org_id, int64_t user_id, int64_t now) {
  return c.x(std::string("UPDATE invitations SET revoked_at = ? WHERE organisation_id = ? AND invited_by_kind = "
                         "'user' AND invited_by_id = ? AND ") +
                 kOpen,
             now, org_id, user_id);
}

void mark_invitation_accepted(Connection& c, int64_t id, int64_t user_id, int64_t now) {
  c.x("UPDATE invitations SET accepted_at = ?, accepted_by = ? WHERE id = ?", now, user_id, id);
}

}  // namespace bo::store
