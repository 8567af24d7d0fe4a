#include "services/invitations.hpp"

#include <nlohmann/json.hpp>

#include "common/error.hpp"
#include "common/random.hpp"
#include "common/time.hpp"
#include "domain/contact.hpp"
#include "domain/setup_rules.hpp"
#include "services/audit.hpp"
#include "services/compose_email.hpp"
#include "services/email_templates.hpp"
#include "services/members.hpp"
#include "services/orders.hpp"
#include "store/emails.hpp"
#include "store/members.hpp"
#include "store/organisations.hpp"

namespace bo::services {
namespace {
using nlohmann::json;

constexpr size_t kMaxTokenLength = 100;

void check_name(const std::string& name, domain::FieldErrors& errors) {
  if (name.size() > 100) errors["name"] = "At most 100 characters.";
  else if (!domain::single_line(name)) errors["name"] = "Use a single line.";
}

json audit_json(const domain::Invitation& i) {
  return {{"email", i.email}, {"role", domain::to_string(i.role)}, {"expires_at", iso_utc(i.expires_at)}};
}

// Bounds how many invitation e-mails one organisation sends, so that it cannot mail the world.
void check_sending_rate(store::Connection& c, int64_t org_id, int64_t now) {
  if (store::count_emails_since(c, org_id, "invitation", now - 3600) >= kMaxInvitationEmailsPerHour)
    throw Error("rate_limited", "This organisation sent many invitations in the last hour. Try again later.");
}

void queue_invitation_email(Context& ctx, store::Connection& c, const domain::Organisation& org,
                            const domain::Invitation& inv, const std::string& token, int64_t now) {
  std::map<std::string, std::string> values{{"organisation_name", org.name},
                                            {"inviter_name", inv.invited_by.name},
                                            {"role", std::string(domain::to_string(inv.role))},
                                            {"link", ctx.settings.public_url + "/invite/" + token},
                                            {"link_expires", local_human(inv.expires_at, org.time_zone, org.default_language)}};
  auto text = render_template(default_template("invitation", org.default_language), values);
  store::NewEmail e;
  e.organisation_id = org.id;
  e.kind = "invitation";
  e.to = inv.email;
  e.subject = text.subject;
  e.text = text.text;
  e.html = text_to_html(text.text);
  store::queue_email(c, e, now);
}

domain::Invitation open_invitation_or_404(store::Connection& c, const Principal& p, int64_t id) {
  auto inv = store::find_invitation(c, p.organisation.id, id);
  if (!inv || inv->revoked_at) throw not_found("invitation");
  if (inv->accepted_at) throw Error("invitation_used", "This invitation has already been accepted.");
  return *inv;
}

// The invitation of a link, usable now; otherwise the error that tells the person why not.
domain::Invitation usable_invitation(store::Connection& c, const std::string& token, int64_t now, bool lock = false) {
  std::optional<domain::Invitation> inv;
  if (!token.empty() && token.size() <= kMaxTokenLength)
    inv = store::find_invitation_by_token(c, sha256_hex(token), lock);
  if (!inv)
    throw Error("not_found", "This invitation link is not valid (a newer invitation may have replaced it). "
                             "Ask for a new invitation.");
  if (inv->accepted_at) throw Error("invitation_used", "This invitation has already been accepted.");
  if (inv->revoked_at) throw Error("invitation_revoked", "This invitation was withdrawn. Ask for a new one.");
  if (now >= inv->expires_at) throw Error("invitation_expired", "This invitation has expired. Ask for a new one.");
  return *inv;
}

domain::Organisation organisation_of(store::Connection& c, const domain::Invitation& inv) {
  auto org = store::find_organisation(c, inv.organisation_id);
  if (!org) throw not_found("invitation");
  return *org;
}

Principal as_member(const store::User& u, const domain::Organisation& org, domain::Role role) {
  Principal p;
  p.kind = Principal::Kind::user;
  p.id = u.id;
  p.name = u.name;
  p.email = u.email;
  p.organisation = org;
  p.role = role;
  return p;
}

// In the write transaction: the invitation is still usable, the person joins, the invitation is used up.
void join(store::Connection& c, const std::string& token, const store::User& user, int64_t now) {
  auto inv = usable_invitation(c, token, now, true);
  auto org = organisation_of(c, inv);
  store::lock_organisation(c, org.id);
  if (store::find_member(c, org.id, user.id))
    throw Error("already_member", "You are already a user of " + org.name + ".");
  store::set_membership(c, user.id, org.id, inv.role, now);
  store::mark_invitation_accepted(c, inv.id, user.id, now);
  auto actor = as_member(user, org, inv.role);
  record_audit(c, actor, "invitation", inv.id, inv.email, "accepted",
               json{{"status", {{"old", "pending"}, {"new", "accepted"}}}}, now);
  record_audit(c, actor, "user", user.id, user.email, "added",
               changes_between(nullptr, {{"email", user.email}, {"name", user.name},
                                         {"role", domain::to_string(inv.role)}, {"disabled", false}}),
               now);
}
}  // namespace

std::string invitation_status(const domain::Invitation& i, int64_t now) {
  if (i.accepted_at) return "accepted";
  if (i.revoked_at) return "revoked";
  return now >= i.expires_at ? "expired" : "pending";
}

domain::Invitation invite(Context& ctx, const Principal& p, const InvitationInput& in) {
  require(p, domain::Permission::manage_users);
  auto email = domain::to_lower_ascii(domain::trim(in.email));
  auto name = domain::trim(in.name);
  domain::FieldErrors errors;
  auto role = domain::parse_role(in.role);
  if (in.role.empty()) errors["role"] = "Required.";
  else if (!role) errors["role"] = "One of viewer, support, finance, admin.";
  if (email.empty()) errors["email"] = "Required.";
  else if (email.size() > 254 || !domain::valid_email(email)) errors["email"] = "Enter a valid e-mail address.";
  check_name(name, errors);
  if (in.password_given)
    errors["password"] = "Invited people choose their own password through the link in the invitation. Leave this out.";
  if (!errors.empty()) throw validation_failed(errors);

  auto now = ctx.clock.now();
  auto token = random_token(32);
  auto c = ctx.db.acquire();
  store::Transaction tx(*c);
  store::lock_organisation(*c, p.organisation.id);
  if (store::find_member_by_email(*c, p.organisation.id, email))
    throw Error("already_member", email + " is already a user of this organisation.");
  auto replaced = store::open_invitation_for(*c, p.organisation.id, email);
  if (replaced) store::revoke_invitation(*c, replaced->id, now);
  if (store::count_open_invitations(*c, p.organisation.id) >= kMaxOpenInvitations)
    throw Error("too_many_invitations", "This organisation has " + std::to_string(kMaxOpenInvitations) +
                                            " open invitations; revoke some first.");
  if (store::count_members(*c, p.organisation.id) >= kMaxMembersPerOrganisation)
    throw Error("too_many_users", "This organisation has the most users it can have.");
  check_sending_rate(*c, p.organisation.id, now);
  store::NewInvitation row{p.organisation.id, email, name, *role, p.actor(), sha256_hex(token),
                           now + kInvitationSeconds};
  auto id = store::insert_invitation(*c, row, now);
  auto inv = *store::find_invitation(*c, p.organisation.id, id);
  queue_invitation_email(ctx, *c, p.organisation, inv, token, now);
  auto changes = changes_between(nullptr, audit_json(inv));
  if (replaced) changes["replaces"] = {{"old", nullptr}, {"new", replaced->id}};
  record_audit(*c, p, "invitation", id, email, "invited", changes, now);
  tx.commit();
  ctx.wake_mailer();
  return inv;
}

std::vector<domain::Invitation> list_invitations(Context& ctx, const Principal& p) {
  require(p, domain::Permission::manage_users);
  auto c = ctx.db.acquire();
  return store::open_invitations(*c, p.organisation.id);
}

domain::Invitation resend_invitation(Context& ctx, const Principal& p, int64_t id) {
  require(p, domain::Permission::manage_users);
  auto now = ctx.clock.now();
  auto token = random_token(32);
  auto c = ctx.db.acquire();
  store::Transaction tx(*c);
  auto before = open_invitation_or_404(*c, p, id);
  check_sending_rate(*c, p.organisation.id, now);
  store::renew_invitation(*c, id, sha256_hex(token), now + kInvitationSeconds);
  auto inv = *store::find_invitation(*c, p.organisation.id, id);
  queue_invitation_email(ctx, *c, p.organisation, inv, token, now);
  record_audit(*c, p, "invitation", id, inv.email, "resent", changes_between(audit_json(before), audit_json(inv)), now);
  tx.commit();
  ctx.wake_mailer();
  return inv;
}

void revoke_invitation(Context& ctx, const Principal& p, int64_t id) {
  require(p, domain::Permission::manage_users);
  auto now = ctx.clock.now();
  auto c = ctx.db.acquire();
  store::Transaction tx(*c);
  auto inv = open_invitation_or_404(*c, p, id);
  store::revoke_invitation(*c, id, now);
  record_audit(*c, p, "invitation", id, inv.email, "revoked",
               json{{"status", {{"old", invitation_status(inv, now)}, {"new", "revoked"}}}}, now);
  tx.commit();
}

InvitationView invitation_by_token(Context& ctx, const std::string& token) {
  auto now = ctx.clock.now();
  auto c = ctx.db.acquire();
  InvitationView v;
  v.invitation = usable_invitation(*c, token, now);
  v.organisation = organisation_of(*c, v.invitation);
  v.existing_account = store::find_user_by_email(*c, v.invitation.email).has_value();
  return v;
}

Accepted accept_invitation(Context& ctx, const std::string& token, const Acceptance& in) {
  auto now = ctx.clock.now();
  auto c = ctx.db.acquire();
  auto inv = usable_invitation(*c, token, now);
  auto org = organisation_of(*c, inv);
  Accepted out;
  if (auto user = store::find_user_by_email(*c, inv.email)) {
    std::optional<Principal> caller;
    if (in.session_token) caller = authenticate_session(*c, *in.session_token, "", now);
    if (caller && caller->id != user->id)
      throw Error("invitation_other_account", "This invitation is for " + inv.email + ", but you are logged in as " +
                                                  caller->email + ". Log out and log in as " + inv.email + ".");
    if (!caller) {
      if (!in.password || in.password->empty())
        throw Error("log_in_first", "Log in as " + inv.email + " to accept this invitation.");
      check_password_attempts(*c, inv.email, in.client, now);
      if (user->disabled || !verify_password(user->password_hash, *in.password)) {
        record_password_failure(*c, inv.email, in.client, now);
        throw validation_failed({{"password", "This is not the password of " + inv.email + "."}});
      }
    }
    {
      store::Transaction tx(*c);
      join(*c, token, *user, now);
      tx.commit();
    }
    if (caller) {
      auto p = authenticate_session(*c, *in.session_token, org.slug, now);
      if (!p) throw Error("log_in_first", "Log in as " + inv.email + " again.");
      out.principal = *p;
    } else {
      auto session = start_session(*c, user->id, org.slug, now);
      out.principal = session.principal;
      out.session_token = session.session_token;
    }
    return out;
  }

  domain::FieldErrors errors;
  auto name = domain::trim(in.name.value_or(""));
  check_name(name, errors);
  if (!in.password || in.password->empty()) errors["password"] = "Required.";
  else if (auto problem = password_problem(*in.password, inv.email); !problem.empty()) errors["password"] = problem;
  if (!errors.empty()) throw validation_failed(errors);
  if (name.empty()) name = inv.name.empty() ? inv.email : inv.name;
  auto hash = hash_password(*in.password);  // outside the write transaction: slow on purpose
  {
    store::Transaction tx(*c);
    if (store::find_user_by_email(*c, inv.email))
      throw Error("log_in_first", "An account for " + inv.email + " exists now. Log in as it to accept.");
    store::User user{0, inv.email, name, hash, false};
    try {
      user.id = store::insert_user(*c, inv.email, name, hash, now);
    } catch (const store::DbError& e) {
      if (!e.unique_violation) throw;
      throw Error("log_in_first", "An account for " + inv.email + " exists now. Log in as it to accept.");
    }
    join(*c, token, user, now);
    tx.commit();
    auto session = start_session(*c, user.id, org.slug, now);
    out.principal = session.principal;
    out.session_token = session.session_token;
  }
  return out;
}

}  // namespace bo::services
