#include "services/members.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "common/error.hpp"
#include "common/random.hpp"
#include "domain/contact.hpp"
#include "domain/setup_rules.hpp"
#include "services/audit.hpp"
#include "services/orders.hpp"

namespace bo::services {
namespace {
using nlohmann::json;

store::Member member_or_404(store::Connection& c, const Principal& p, int64_t user_id) {
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

bool counts_as_admin(const store::Member& m) { return m.role == domain::Role::admin && !m.disabled; }

void keep_an_admin(store::Connection& c, const Principal& p, const store::Member& before, const store::Member& after) {
  if (counts_as_admin(before) && !counts_as_admin(after) && store::count_active_admins(c, p.organisation.id) <= 1)
    throw Error("last_admin", "This is the last admin of the organisation. Make someone else admin first.");
}

// True when the caller administers every organisation the account belongs to.
bool administers_all(store::Connection& c, const Principal& p, int64_t user_id) {
  for (auto org : store::organisations_of_user(c, user_id)) {
    auto mine = std::find_if(p.memberships.begin(), p.memberships.end(),
                             [&](const store::Membership& m) { return m.organisation.id == org; });
    if (mine == p.memberships.end() || mine->role != domain::Role::admin) return false;
  }
  return true;
}

json audit_json(const store::Member& m) {
  return {{"email", m.email}, {"name", m.name}, {"role", domain::to_string(m.role)}, {"disabled", m.disabled}};
}
}  // namespace

std::vector<store::Member> list_members(Context& ctx, const Principal& p) {
  require_role(p, domain::Role::admin);
  auto c = ctx.db.acquire();
  return store::list_members(*c, p.organisation.id);
}

AddedMember add_member(Context& ctx, const Principal& p, const NewMember& in) {
  require_role(p, domain::Role::admin);
  auto email = domain::to_lower_ascii(domain::trim(in.email));
  auto name = domain::trim(in.name);
  domain::FieldErrors errors;
  auto role = role_from(in.role, errors);
  if (email.empty()) errors["email"] = "Required.";
  else if (email.size() > 254 || !domain::valid_email(email)) errors["email"] = "Enter a valid e-mail address.";
  if (name.size() > 100) errors["name"] = "At most 100 characters.";
  else if (!domain::single_line(name)) errors["name"] = "Use a single line.";
  if (in.password && errors.empty())
    if (auto problem = password_problem(*in.password, email); !problem.empty()) errors["password"] = problem;
  if (!errors.empty()) throw validation_failed(errors);

  auto now = ctx.clock.now();
  auto c = ctx.db.acquire();
  AddedMember out;
  std::string hash;
  if (!store::find_user_by_email(*c, email)) {  // hash outside the write transaction: it is slow on purpose
    if (!in.password) out.initial_password = random_token(12);
    hash = hash_password(in.password ? *in.password : *out.initial_password);
  }
  store::Transaction tx(*c);
  store::lock_organisation(*c, p.organisation.id);
  if (store::count_members(*c, p.organisation.id) >= kMaxMembersPerOrganisation)
    throw Error("too_many_users", "This organisation has the most users it can have.");
  int64_t user_id;
  if (auto existing = store::find_user_by_email(*c, email)) {
    if (store::find_member(*c, p.organisation.id, existing->id))
      throw Error("already_member", email + " is already a user of this organisation.");
    user_id = existing->id;
    out.initial_password.reset();
  } else {
    if (hash.empty()) throw Error("conflict", "Someone changed this account meanwhile. Try again.");
    user_id = store::insert_user(*c, email, name.empty() ? email : name, hash, now);
    out.new_account = true;
  }
  store::set_membership(*c, user_id, p.organisation.id, *role, now);
  out.member = member_or_404(*c, p, user_id);
  auto values = audit_json(out.member);
  values["account"] = out.new_account ? "new" : "existing";
  record_audit(*c, p, "user", user_id, email, "added", changes_between(nullptr, values), now);
  tx.commit();
  return out;
}

store::Member update_member(Context& ctx, const Principal& p, int64_t user_id, const MemberPatch& patch) {
  require_role(p, domain::Role::admin);
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
  if (after.disabled != before.disabled && !administers_all(*c, p, user_id))
    throw Error("account_shared",
                "This person also works for another organisation, so their account cannot be disabled here. "
                "Remove them from this organisation instead.");
  if (after.role != before.role) store::set_membership(*c, user_id, p.organisation.id, after.role, now);
  if (after.disabled != before.disabled) {
    store::set_user_disabled(*c, user_id, after.disabled);
    if (after.disabled) store::delete_sessions_of_user(*c, user_id);
  }
  auto changes = changes_between(audit_json(before), audit_json(after));
  if (!changes.empty()) record_audit(*c, p, "user", user_id, before.email, "updated", changes, now);
  after = member_or_404(*c, p, user_id);
  tx.commit();
  return after;
}

void remove_member(Context& ctx, const Principal& p, int64_t user_id) {
  require_role(p, domain::Role::admin);
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
  tx.commit();
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
