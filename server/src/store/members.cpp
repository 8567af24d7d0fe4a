#include "store/members.hpp"
#include "store/states.hpp"

#include "store/accounts.hpp"

namespace bo::store {
namespace {
constexpr const char* kMemberSelect =
    "SELECT u.id, u.email, u.name, m.role, m.disabled, m.created_at, "
    "(SELECT MAX(s.last_seen_at) FROM sessions s WHERE s.user_id = u.id), "
    "(SELECT COUNT(*) FROM api_tokens t WHERE t.organisation_id = m.organisation_id AND t.created_by = u.id "
    "AND t.revoked_at IS NULL) "
    "FROM memberships m JOIN users u ON u.id = m.user_id ";

Member read_member(const Row& r) {
  Fields f(r);
  return Member{f.i64(), f.text(), f.text(), read_role(f.text()), f.boolean(), f.i64(), f.opt_i64(), f.i64()};
}
}  // namespace

std::vector<Member> list_members(Connection& c, int64_t org_id) {
  std::vector<Member> out;
  for (const auto& r : c.select(std::string(kMemberSelect) + "WHERE m.organisation_id = ? ORDER BY u.email", org_id))
    out.push_back(read_member(r));
  return out;
}

std::optional<Member> find_member(Connection& c, int64_t org_id, int64_t user_id) {
  auto r = c.select_one(std::string(kMemberSelect) + "WHERE m.organisation_id = ? AND m.user_id = ?", org_id, user_id);
  if (!r) return std::nullopt;
  return read_member(*r);
}

std::optional<Member> find_member_by_email(Connection& c, int64_t org_id, std::string_view email) {
  auto r = c.select_one(std::string(kMemberSelect) + "WHERE m.organisation_id = ? AND u.email = ?", org_id, email);
  if (!r) return std::nullopt;
  return read_member(*r);
}

int64_t count_members(Connection& c, int64_t org_id) {
  return c.select("SELECT COUNT(*) FROM memberships WHERE organisation_id = ?", org_id)[0].i64(0);
}

int64_t count_active_admins(Connection& c, int64_t org_id) {
  return c.select("SELECT COUNT(*) FROM memberships m JOIN users u ON u.id = m.user_id "
             "WHERE m.organisation_id = ? AND m.role = 'admin' AND m.disabled = 0 AND u.disabled = 0",
             org_id)[0]
      .i64(0);
}

std::vector<int64_t> organisations_of_user(Connection& c, int64_t user_id) {
  std::vector<int64_t> out;
  for (const auto& r : c.select("SELECT organisation_id FROM memberships WHERE user_id = ?", user_id))
    out.push_back(r.i64(0));
  return out;
}

void delete_membership(Connection& c, int64_t org_id, int64_t user_id) {
  c.run("DELETE FROM memberships WHERE organisation_id = ? AND user_id = ?", org_id, user_id);
  auth_changed(c);
}

void set_membership_disabled(Connection& c, int64_t org_id, int64_t user_id, bool disabled) {
  c.run("UPDATE memberships SET disabled = ? WHERE organisation_id = ? AND user_id = ?", disabled, org_id, user_id);
  auth_changed(c);
}

void set_password_hash(Connection& c, int64_t user_id, std::string_view hash) {
  c.run("UPDATE users SET password_hash = ? WHERE id = ?", hash, user_id);
  auth_changed(c);
}

void delete_sessions_of_user_except(Connection& c, int64_t user_id, int64_t keep_session_id) {
  c.run("DELETE FROM sessions WHERE user_id = ? AND id <> ?", user_id, keep_session_id);
  auth_changed(c);
}

void lock_organisation(Connection& c, int64_t org_id) {
  if (c.dialect() == Dialect::postgresql) c.select("SELECT id FROM organisations WHERE id = ? FOR UPDATE", org_id);
}

}  // namespace bo::store
