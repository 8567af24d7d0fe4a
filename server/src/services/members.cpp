#include "services/members.hpp"

#include <nlohmann/json.hpp>

#include "common/error.hpp"
#include "domain/contact.hpp"
#include "domain/languages.hpp"
#include "domain/setup_rules.hpp"
#include "services/audit.hpp"
#include "services/orders.hpp"
#include "store/accounts.hpp"
#include "store/api_tokens.hpp"
#include "store/invitations.hpp"

namespace bo::services {
namespace {
using nlohmann::json;

domain::Member member_or_404(store::Connection& c, const Principal& p, int64_t user_id) {
  auto m = store::find_member(c, p.organisation.id, user_id);
  if (!m) throw not_found("user");
  return *m;
}

std::optional<domain::Role> role_from(const std::string& text, domain::FieldErrors& errors) {
  auto role = domain::parse_role(text);
  if (text.empty()) errors["role"] = "Required.";
  else if (!role) errors["role"] = "One of viewer, support, finance, admin.";
  return role;
}

bool counts_as_admin(const domain::Member& m) { return m.role == domain::Role::admin && !m.disabled; }

// Tokens the person made and invitations they sent here stop working with their membership.
void revoke_what_they_made(store::Connection& c, const Principal& p, const domain::Member& m, int64_t now) {
  auto tokens = store::revoke_tokens_created_by(c, p.organisation.id, m.user_id, now);
  auto invitations = store::revoke_invitations_sent_by(c, p.organisation.id, m.user_id, now);
  json changes = json::object();
  if (tokens > 0) changes["api_tokens"] = {{"old", tokens}, {"new", 0}};
  if (invitations > 0) changes["invitations"] = {{"old", invitations}, {"new", 0}};
  if (!changes.empty()) record_audit(c, p, "user", m.user_id, m.email, "access_revoked", changes, now);
}

void keep_an_admin(store::Connection& c, const Principal& p, const domain::Member& before, const domain::Member& after) {
  if (counts_as_admin(before) && !counts_as_admin(after) && store::count_active_admins(c, p.organisation.id) <= 1)
    throw Error("last_admin", "This is the last admin of the organisation. Make someone else admin first.");
}

json audit_json(const domain::Member& m) {
  return {{"email", m.email}, {"name", m.name}, {"role", domain::to_string(m.role)}, {"disabled", m.disabled}};
}
}  // namespace

std::vector<domain::Member> list_members(Context& ctx, const Principal& p) {
  require(p, domain::Permission::manage_users);
  auto c = ctx.db.acquire();
  return store::list_members(*c, p.organisation.id);
}

domain::Member update_member(Context& ctx, const Principal& p, int64_t user_id, const MemberPatch& patch) {
  require(p, domain::Permission::manage_users);
  domain::FieldErrors errors;
  std::optional<domain::Role> role;
  if (patch.role) role = role_from(*patch.role, errors);
  if (!errors.empty()) throw validation_failed(errors);
  auto now = ctx.clock.now();
  auto c = ctx.db.acquire();
  store::Transaction tx(*c);
  store::lock_organisation(*c, p.organisation.id);
  auto before = member_or_404(*c, p, user_id);
  auto after = before;
  if (role) after.role = *role;
  if (patch.disabled) after.disabled = *patch.disabled;
  keep_an_admin(*c, p, before, after);
  if (after.role != before.role) store::set_membership(*c, user_id, p.organisation.id, after.role, now);
  if (after.disabled != before.disabled) store::set_membership_disabled(*c, p.organisation.id, user_id, after.disabled);
  auto changes = changes_between(audit_json(before), audit_json(after));
  if (!changes.empty()) record_audit(*c, p, "user", user_id, before.email, "updated", changes, now);
  if (after.disabled && !before.disabled) revoke_what_they_made(*c, p, before, now);
  after = member_or_404(*c, p, user_id);
  tx.commit();
  return after;
}

void remove_member(Context& ctx, const Principal& p, int64_t user_id) {
  require(p, domain::Permission::manage_users);
  auto now = ctx.clock.now();
  auto c = ctx.db.acquire();
  store::Transaction tx(*c);
  store::lock_organisation(*c, p.organisation.id);
  auto before = member_or_404(*c, p, user_id);
  if (counts_as_admin(before) && store::count_active_admins(*c, p.organisation.id) <= 1)
    throw Error("last_admin", "This is the last admin of the organisation. Make someone else admin first.");
  store::delete_membership(*c, p.organisation.id, user_id);
  if (store::organisations_of_user(*c, user_id).empty()) store::delete_sessions_of_user(*c, user_id);
  record_audit(*c, p, "user", user_id, before.email, "removed", changes_between(audit_json(before), nullptr), now);
  revoke_what_they_made(*c, p, before, now);
  tx.commit();
}

Principal set_own_language(Context& ctx, const Principal& p, const std::optional<std::string>& language) {
  if (p.kind != Principal::Kind::user) throw forbidden("Only a logged-in person has a language.");
  if (language && !domain::is_language(*language))
    throw validation_failed({{"language", "Choose one of the languages offered: en, nl."}});
  auto c = ctx.db.acquire();
  store::Transaction tx(*c);
  store::set_user_language(*c, p.id, language);
  tx.commit();
  Principal out = p;
  out.language = language;
  return out;
}

void change_own_password(Context& ctx, const Principal& p, const std::string& current, const std::string& next,
                         const std::string& client) {
  if (p.kind != Principal::Kind::user) throw forbidden("Only a logged-in person can change their password.");
  domain::FieldErrors missing;
  if (current.empty()) missing["current_password"] = "Required.";
  if (next.empty()) missing["new_password"] = "Required.";
  if (!missing.empty()) throw validation_failed(missing);
  auto now = ctx.clock.now();
  auto c = ctx.db.acquire();
  check_password_attempts(*c, p.email, client, now);
  auto user = store::find_user(*c, p.id);
  if (!user) throw not_found("user");
  if (!verify_password(user->password_hash, current)) {
    record_password_failure(*c, p.email, client, now);
    throw validation_failed({{"current_password", "This is not your current password."}});
  }
  clear_password_failures(*c, p.email, client);
  if (auto problem = password_problem(next, p.email); !problem.empty())
    throw validation_failed({{"new_password", problem}});
  if (next == current) throw validation_failed({{"new_password", "Choose a password different from the current one."}});
  auto hash = hash_password(next);
  store::Transaction tx(*c);
  store::set_password_hash(*c, p.id, hash);
  if (p.session_id) store::delete_sessions_of_user_except(*c, p.id, *p.session_id);
  else store::delete_sessions_of_user(*c, p.id);
  record_audit(*c, p, "user", p.id, p.email, "password_changed", json::object(), now);
  tx.commit();
}

}  // namespace bo::services
