#include "store/invitations.hpp"
#include "store/states.hpp"

namespace bo::store {
namespace {
constexpr const char* kSelect =
    "SELECT id, organisation_id, created_at, expires_at, email, name, role, invited_by_kind, invited_by_id, "
    "invited_by_name, accepted_at, revoked_at FROM invitations ";
constexpr const char* kOpen = "accepted_at IS NULL AND revoked_at IS NULL";

Invitation read_invitation(const Row& r) {
  Invitation i;
  Fields f(r);
  i.id = f.i64();
  i.organisation_id = f.i64();
  i.created_at = f.i64();
  i.expires_at = f.i64();
  i.email = f.text();
  i.name = f.text();
  i.role = read_role(f.text());
  i.invited_by = domain::Actor{f.text(), f.opt_i64(), f.text()};
  i.accepted_at = f.opt_i64();
  i.revoked_at = f.opt_i64();
  return i;
}
}  // namespace

int64_t insert_invitation(Connection& c, const NewInvitation& in, int64_t now) {
  return c.select("INSERT INTO invitations (organisation_id, email, name, role, token_hash, invited_by_kind, "
             "invited_by_id, invited_by_name, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
             "RETURNING id",
             in.organisation_id, in.email, in.name, domain::to_string(in.role), in.token_hash, in.invited_by.kind,
             in.invited_by.id, in.invited_by.name, now, in.expires_at)[0]
      .i64(0);
}

std::vector<Invitation> open_invitations(Connection& c, int64_t org_id) {
  std::vector<Invitation> out;
  for (const auto& r :
       c.select(std::string(kSelect) + "WHERE organisation_id = ? AND " + kOpen + " ORDER BY id DESC", org_id))
    out.push_back(read_invitation(r));
  return out;
}

std::optional<Invitation> find_invitation(Connection& c, int64_t org_id, int64_t id) {
  auto r = c.select_one(std::string(kSelect) + "WHERE organisation_id = ? AND id = ?" + c.for_update(), org_id, id);
  if (!r) return std::nullopt;
  return read_invitation(*r);
}

std::optional<Invitation> find_invitation_by_token(Connection& c, std::string_view token_hash, bool lock) {
  auto r = c.select_one(std::string(kSelect) + "WHERE token_hash = ?" + (lock ? c.for_update() : ""), token_hash);
  if (!r) return std::nullopt;
  return read_invitation(*r);
}

std::optional<Invitation> open_invitation_for(Connection& c, int64_t org_id, std::string_view email) {
  auto r = c.select_one(std::string(kSelect) + "WHERE organisation_id = ? AND email = ? AND " + kOpen, org_id, email);
  if (!r) return std::nullopt;
  return read_invitation(*r);
}

int64_t count_open_invitations(Connection& c, int64_t org_id) {
  return c.select(std::string("SELECT COUNT(*) FROM invitations WHERE organisation_id = ? AND ") + kOpen, org_id)[0].i64(0);
}

void renew_invitation(Connection& c, int64_t id, std::string_view token_hash, int64_t expires_at) {
  c.run("UPDATE invitations SET token_hash = ?, expires_at = ? WHERE id = ?", token_hash, expires_at, id);
}

void revoke_invitation(Connection& c, int64_t id, int64_t now) {
  c.run("UPDATE invitations SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", now, id);
}

int64_t revoke_invitations_sent_by(Connection& c, int64_t org_id, int64_t user_id, int64_t now) {
  return c.run(std::string("UPDATE invitations SET revoked_at = ? WHERE organisation_id = ? AND invited_by_kind = "
                         "'user' AND invited_by_id = ? AND ") +
                 kOpen,
             now, org_id, user_id);
}

void mark_invitation_accepted(Connection& c, int64_t id, int64_t user_id, int64_t now) {
  c.run("UPDATE invitations SET accepted_at = ?, accepted_by = ? WHERE id = ?", now, user_id, id);
}

}  // namespace bo::store
