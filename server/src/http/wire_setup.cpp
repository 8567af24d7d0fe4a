#include "http/wire_setup.hpp"

#include <algorithm>

#include "common/error.hpp"
#include "domain/languages.hpp"
#include "http/wire.hpp"

namespace bo::http {
namespace {
json field_json(const domain::FieldDef& f) {
  return {{"key", f.key}, {"label", f.label}, {"kind", f.kind}, {"required", f.required}, {"options", f.options}};
}

// personalisation_fields: [{key, label, kind, required, options}], reported per field on bad types.
std::optional<std::vector<domain::FieldDef>> fields_from(BodyReader& r) {
  const std::string name = "personalisation_fields";
  auto v = r.value(name);
  if (!v) return std::nullopt;
  if (!v->is_array()) {
    r.fail(name, "Must be a list of fields.");
    return std::nullopt;
  }
  if (v->size() > 50) {
    r.fail(name, "At most 50 fields.");
    return std::nullopt;
  }
  std::vector<domain::FieldDef> out;
  bool ok = true;
  for (size_t i = 0; i < v->size(); ++i) {
    const auto& item = (*v)[i];
    auto at = name + "." + std::to_string(i);
    if (!item.is_object()) {
      r.fail(at, "Must be an object with key, label, kind and required.");
      ok = false;
      continue;
    }
    BodyReader field(item);
    domain::FieldDef f;
    auto read = [&](const char* part, auto value) {
      if (!value) {
        if (field.value(part)) r.fail(at + "." + part, "Has the wrong type.");
        return decltype(value)();
      }
      return value;
    };
    f.key = read("key", field.text("key")).value_or("");
    f.label = read("label", field.text("label")).value_or("");
    f.kind = read("kind", field.text("kind")).value_or("");
    f.required = read("required", field.boolean("required")).value_or(false);
    f.options = read("options", field.texts("options")).value_or(std::vector<std::string>{});
    out.push_back(std::move(f));
  }
  if (!ok) return std::nullopt;
  return out;
}
}  // namespace

json event_summary_json(const domain::EventSummary& e) {
  auto j = event_json(e.event);
  if (!e.counted) return j;
  j["order_count"] = e.orders;
  j["tickets_sold"] = e.tickets_sold;
  j["capacity"] = e.capacity;
  j["ticket_type_count"] = e.ticket_types;
  return j;
}

json event_detail_json(const services::EventDetail& d, const std::string& currency) {
  auto j = event_summary_json(d.summary);
  json types = json::array();
  for (const auto& t : d.ticket_types) types.push_back(ticket_type_json(t, currency));
  j["ticket_types"] = types;
  return j;
}

json ticket_type_json(const domain::TicketType& t, const std::string& currency) {
  json fields = json::array();
  for (const auto& f : t.fields) fields.push_back(field_json(f));
  return {{"id", t.id},
          {"event_id", t.event_id},
          {"name", t.name},
          {"price", t.price},
          {"fee", t.fee},
          {"currency", currency},
          {"capacity", t.capacity},
          {"issued", t.issued},
          {"available", std::max<int64_t>(0, t.capacity - t.issued)},
          {"position", t.position},
          {"requires_personalisation", t.requires_personalisation()},
          {"personalisation_fields", fields}};
}

json organisation_json(const services::OrganisationSettings& s) {
  const auto& o = s.organisation;
  json templates = json::object();
  for (auto language : domain::kLanguages) {
    auto custom = services::custom_templates(o, language);
    for (const auto& kind : services::email_kinds()) {
      auto it = custom.find(kind);
      auto t = it == custom.end() ? services::default_template(kind, language) : it->second;
      templates[std::string(language)][kind] = {{"subject", t.subject},
                                                {"text", t.text},
                                                {"customised", it != custom.end()},
                                                {"placeholders", services::placeholders(kind)}};
    }
  }
  return {{"slug", o.slug},
          {"name", o.name},
          {"currency", o.currency},
          {"currency_locked", s.currency_locked},
          {"time_zone", o.time_zone},
          {"country", o.country},
          {"sender_name", o.sender_name},
          {"sender_email", o.sender_email},
          {"refund_methods", o.policy.refundable_methods},
          {"partial_refunds", o.policy.partial_refunds},
          {"refund_fees", o.policy.refund_fees},
          {"refund_deadline_days", o.policy.deadline_days},
          {"default_language", o.default_language},
          {"languages", domain::kLanguages},
          {"email_templates", templates}};
}

json member_json(const domain::Member& m) {
  return {{"id", m.user_id},
          {"email", m.email},
          {"name", m.name},
          {"role", domain::to_string(m.role)},
          {"disabled", m.disabled},
          {"joined_at", time_json(m.joined_at)},
          {"last_seen_at", time_json(m.last_seen_at)},
          {"api_tokens", m.api_tokens}};
}

json invitation_json(const domain::Invitation& i, int64_t now) {
  return {{"id", i.id},
          {"email", i.email},
          {"name", i.name},
          {"role", domain::to_string(i.role)},
          {"status", services::invitation_status(i, now)},
          {"created_at", time_json(i.created_at)},
          {"expires_at", time_json(i.expires_at)},
          {"invited_by", {{"kind", i.invited_by.kind}, {"name", i.invited_by.name}}}};
}

json token_json(const domain::TokenListItem& t) {
  return {{"id", t.token.id},
          {"name", t.token.name},
          {"role", domain::to_string(t.token.role)},
          {"prefix", t.token.prefix},
          {"created_at", time_json(t.token.created_at)},
          {"created_by", t.created_by.empty() ? json(nullptr) : json(t.created_by)},
          {"last_used_at", time_json(t.token.last_used_at)}};
}

json audit_entry_json(const domain::AuditEntry& e) {
  auto data = json::parse(e.data, nullptr, false);
  if (!data.is_object()) data = json::object();
  return {{"id", e.id},
          {"at", time_json(e.at)},
          {"actor", {{"kind", e.actor.kind}, {"id", e.actor.id ? json(*e.actor.id) : json(nullptr)}, {"name", e.actor.name}}},
          {"entity", e.entity},
          {"entity_id", e.entity_id ? json(*e.entity_id) : json(nullptr)},
          {"entity_label", data.value("label", "")},
          {"action", e.action},
          {"changes", data.contains("changes") ? data["changes"] : json::object()}};
}

int64_t id_param(const Request& req, const std::string& name, const std::string& what) {
  auto it = req.params.find(name);
  if (it == req.params.end() || it->second.empty() || it->second.size() > 18 ||
      !std::all_of(it->second.begin(), it->second.end(), [](char c) { return c >= '0' && c <= '9'; }))
    throw not_found(what);
  return std::stoll(it->second);
}

services::EventInput event_input_from(BodyReader& r, const std::string& zone) {
  services::EventInput in;
  in.name = r.text("name");
  in.venue = r.text("venue");
  in.starts_at = r.time("starts_at", zone);
  in.ends_at = r.time("ends_at", zone);
  in.archived = r.boolean("archived");
  r.finish();
  return in;
}

services::TicketTypeInput ticket_type_input_from(BodyReader& r) {
  services::TicketTypeInput in;
  in.name = r.text("name");
  in.price = r.integer("price");
  in.fee = r.integer("fee");
  in.capacity = r.integer("capacity");
  in.position = r.integer("position");
  in.fields = fields_from(r);
  r.finish();
  return in;
}

services::OrganisationInput organisation_input_from(BodyReader& r) {
  services::OrganisationInput in;
  in.name = r.text("name");
  in.currency = r.text("currency");
  in.time_zone = r.text("time_zone");
  in.country = r.text("country");
  in.sender_name = r.text("sender_name");
  in.sender_email = r.text("sender_email");
  in.refund_methods = r.texts("refund_methods");
  in.partial_refunds = r.boolean("partial_refunds");
  in.refund_fees = r.boolean("refund_fees");
  in.refund_deadline_days = r.integer("refund_deadline_days");
  in.default_language = r.text("default_language");
  if (auto t = r.value("email_templates")) {
    if (!t->is_object()) r.fail("email_templates", "Must be an object of language → kind → {subject, text} or null.");
    else
      for (const auto& [language, kinds] : t->items()) {
        if (!kinds.is_object()) {
          r.fail("email_templates." + language, "Must be an object of kind → {subject, text} or null.");
          continue;
        }
        auto& patches = in.email_templates[language];
      for (const auto& [kind, v] : kinds.items()) {
        auto at = "email_templates." + language + "." + kind;
        if (v.is_null()) {
          patches[kind] = std::nullopt;
          continue;
        }
        if (!v.is_object()) {
          r.fail(at, "Must be {subject, text} or null.");
          continue;
        }
        BodyReader part(v);
        auto subject = part.text("subject");
        auto text = part.text("text");
        if (part.value("subject") && !subject) r.fail(at + ".subject", "Must be text.");
        if (part.value("text") && !text) r.fail(at + ".text", "Must be text.");
        if (!subject && !text) {
          r.fail(at, "Give a subject, a text or both.");
          continue;
        }
        patches[kind] = services::EmailTextPatch{subject, text};
      }
      }
  }
  r.finish();
  return in;
}

}  // namespace bo::http
