#include "services/organisation_settings.hpp"

#include <nlohmann/json.hpp>

#include <cctype>

#include "common/error.hpp"
#include "domain/languages.hpp"
#include "domain/setup_rules.hpp"
#include "services/audit.hpp"
#include "services/orders.hpp"
#include "store/members.hpp"
#include "store/organisations.hpp"

namespace bo::services {
namespace {
using nlohmann::json;

json audit_json(const domain::Organisation& o) {
  json templates = json::parse(o.email_templates.empty() ? "{}" : o.email_templates, nullptr, false);
  return {{"name", o.name},
          {"currency", o.currency},
          {"time_zone", o.time_zone},
          {"country", o.country},
          {"sender_name", o.sender_name},
          {"sender_email", o.sender_email},
          {"refund_methods", o.policy.refundable_methods},
          {"partial_refunds", o.policy.partial_refunds},
          {"refund_fees", o.policy.refund_fees},
          {"refund_deadline_days", o.policy.deadline_days},
          {"default_language", o.default_language},
          {"email_templates", templates}};
}

// Applies the input; returns the problems per field.
domain::FieldErrors apply(domain::Organisation& o, const OrganisationInput& in) {
  domain::FieldErrors errors;
  if (in.name) o.name = domain::trim(*in.name);
  auto upper = [](std::string s) {
    for (auto& ch : s) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    return domain::trim(s);
  };
  if (in.currency) o.currency = upper(*in.currency);
  if (in.time_zone) o.time_zone = domain::trim(*in.time_zone);
  if (in.country) o.country = upper(*in.country);
  if (in.sender_name) o.sender_name = domain::trim(*in.sender_name);
  if (in.sender_email) o.sender_email = domain::to_lower_ascii(domain::trim(*in.sender_email));
  if (in.refund_methods) o.policy.refundable_methods = *in.refund_methods;
  if (in.partial_refunds) o.policy.partial_refunds = *in.partial_refunds;
  if (in.refund_fees) o.policy.refund_fees = *in.refund_fees;
  if (in.refund_deadline_days) {
    if (*in.refund_deadline_days < 0 || *in.refund_deadline_days > domain::kMaxRefundDeadlineDays)
      errors["refund_deadline_days"] =
          "Between 0 and " + std::to_string(domain::kMaxRefundDeadlineDays) + " days.";
    else
      o.policy.deadline_days = static_cast<int>(*in.refund_deadline_days);
  }
  for (const auto& [field, message] : domain::check_organisation(o)) errors.emplace(field, message);
  if (in.default_language) {
    if (domain::is_language(*in.default_language)) o.default_language = *in.default_language;
    else errors["default_language"] = "Choose one of the languages offered: en, nl.";
  }
  for (const auto& [language, kinds] : in.email_templates) {
    if (!domain::is_language(language)) {
      errors["email_templates." + language] = "Choose one of the languages offered: en, nl.";
      continue;
    }
    auto custom = custom_templates(o, language);
    for (const auto& [kind, patch] : kinds) {
      auto at = "email_templates." + language + "." + kind;
      if (!is_email_kind(kind)) {
        errors[at] = "Unknown e-mail; use tickets, cancellation, refund, personalisation_link or order_changed.";
        continue;
      }
      auto text = template_for(o, kind, language);
      if (patch && patch->subject) text.subject = *patch->subject;
      if (patch && patch->text) text.text = *patch->text;
      if (!patch || text == default_template(kind, language)) {
        custom.erase(kind);
        continue;
      }
      for (const auto& [part, message] : check_template(kind, text)) errors[at + "." + part] = message;
      custom[kind] = text;
    }
    o.email_templates = templates_json(o.email_templates, language, custom);
  }
  return errors;
}
}  // namespace

OrganisationSettings get_settings(Context& ctx, const Principal& p) {
  auto c = ctx.db.acquire();
  auto org = store::find_organisation(*c, p.organisation.id);
  if (!org) throw not_found("organisation");
  return {*org, store::organisation_has_orders(*c, org->id)};
}

OrganisationSettings update_settings(Context& ctx, const Principal& p, const OrganisationInput& in) {
  require(p, domain::Permission::manage_organisation);
  auto now = ctx.clock.now();
  auto c = ctx.db.acquire();
  store::Transaction tx(*c);
  store::lock_organisation(*c, p.organisation.id);
  auto before = store::find_organisation(*c, p.organisation.id);
  if (!before) throw not_found("organisation");
  auto org = *before;
  auto errors = apply(org, in);
  if (!errors.empty()) throw validation_failed(errors);
  bool has_orders = store::organisation_has_orders(*c, org.id);
  if (org.currency != before->currency && has_orders)
    throw Error("currency_locked", "The currency cannot change once the organisation has orders.");
  auto changes = changes_between(audit_json(*before), audit_json(org));
  if (!changes.empty()) {
    store::update_organisation(*c, org);
    record_audit(*c, p, "organisation", org.id, org.name, "updated", changes, now);
  }
  tx.commit();
  return {org, has_orders};
}

EmailText preview_email(Context& ctx, const Principal& p, const std::string& kind, const std::string& language,
                        const EmailText& t) {
  require(p, domain::Permission::manage_organisation);
  if (!is_email_kind(kind))
    throw validation_failed({{"kind", "One of tickets, cancellation, refund, personalisation_link, order_changed."}});
  if (!domain::is_language(language)) throw validation_failed({{"language", "Choose one of the languages offered: en, nl."}});
  auto errors = check_template(kind, t);
  if (!errors.empty()) throw validation_failed(errors);
  return render_template(t, sample_values(p.organisation, kind, language, ctx.settings.public_url, ctx.clock.now()));
}

}  // namespace bo::services
