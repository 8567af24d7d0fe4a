#include "http/wire.hpp"

#include "common/error.hpp"
#include "common/time.hpp"
#include "domain/codes.hpp"
#include "domain/order_change.hpp"
#include "domain/refund_rules.hpp"
#include "http/json_writer.hpp"

namespace bo::http {

json time_json(std::optional<int64_t> s) { return s ? json(iso_utc(*s)) : json(nullptr); }

static json opt(const std::optional<std::string>& v) { return v ? json(*v) : json(nullptr); }

static void write_contact(JsonWriter& w, const domain::Contact& c) {
  w.object();
  for (auto name : domain::contact_text_fields()) w.field(name, *domain::contact_field(c, name));
  w.field("marketing_opt_in", c.marketing_opt_in).end();
}

static void write_event(JsonWriter& w, const domain::Event& e) {
  w.object().field("id", e.id).field("name", e.name).field("venue", e.venue);
  w.key("starts_at").time(e.starts_at).key("ends_at").time(e.ends_at);
  w.field("archived", e.archived).end();
}

// The ticket's fields; the caller closes the object (the order detail adds its refund value).
static void write_ticket_fields(JsonWriter& w, const domain::Ticket& t, bool mask) {
  w.object().field("id", t.id);
  w.key("ticket_type").object().field("id", t.ticket_type_id).field("name", t.ticket_type_name).end();
  w.field("price", t.price).field("fee", t.fee).field("status", domain::to_string(t.status));
  w.field("barcode", mask ? domain::mask_barcode(t.barcode) : t.barcode);
  w.key("attendee").string_map(t.attendee).field("attendee_name", domain::attendee_name(t.attendee));
  w.key("checked_in_at").time(t.checked_in_at).field("requires_personalisation", !t.fields.empty());
  w.key("personalisation_missing").strings(domain::missing_fields(t.fields, t.attendee));
}

static void write_refund(JsonWriter& w, const domain::Refund& r) {
  w.object().field("id", r.id).field("amount", r.amount).field("status", r.status).field("method", r.method);
  w.field("provider", r.provider).field("provider_ref", r.provider_ref).key("ticket_ids").ids(r.ticket_ids);
  w.field("keep_tickets_valid", r.keep_tickets_valid).field("reason", r.reason).field("error", r.error);
  w.field("created_by", r.created_by_name).key("created_at").time(r.created_at);
  w.key("completed_at").time(r.completed_at).end();
}

// Leaves the object open for the cancel action's extra field.
static void write_action_fields(JsonWriter& w, const domain::ActionState& a, std::string_view language) {
  w.object().field("enabled", a.enabled);
  if (a.enabled) w.key("reason").null().key("message").null();
  else w.field("reason", a.reason).field("message", domain::reason_message(a.reason, language));
}

template <class Write> static json as_json(Write write) {
  JsonWriter w;
  write(w);
  return json::parse(w.take());
}

json event_json(const domain::Event& e) {
  return as_json([&](JsonWriter& w) { write_event(w, e); });
}

json ticket_json(const domain::Ticket& t, bool mask) {
  return as_json([&](JsonWriter& w) { write_ticket_fields(w, t, mask), w.end(); });
}

json refund_json(const domain::Refund& r) {
  return as_json([&](JsonWriter& w) { write_refund(w, r); });
}

std::string order_json(const services::OrderView& v, const domain::Organisation& org, std::string_view language) {
  const auto& o = v.order.order;
  JsonWriter w;
  w.object().field("number", o.number).field("status", domain::to_string(o.status)).field("version", o.version);
  w.key("created_at").time(o.created_at).key("paid_at").time(o.paid_at).key("cancelled_at").time(o.cancelled_at);
  w.field("source", o.source).field("external_ref", o.external_ref).field("payment_method", o.payment_method);
  w.key("event"), write_event(w, v.order.event);
  w.key("contact"), write_contact(w, o.contact);
  w.key("tickets").array();
  const auto in_refunds = domain::tickets_in_refunds(v.order);
  for (const auto& t : v.order.tickets) {
    write_ticket_fields(w, t, false);
    w.field("refund_value", domain::ticket_refund_value(t, org.policy));
    w.field("refundable", domain::ticket_refundable(t, in_refunds));
    w.key("change"), write_action_fields(w, v.actions.change.enabled ? domain::ticket_change(t) : v.actions.change, language);
    w.end().end();
  }
  w.end();
  w.key("totals").object().field("currency", o.currency).field("tickets", v.totals.tickets);
  w.field("fees", v.totals.fees).field("total", v.totals.total).field("paid", v.totals.paid);
  w.field("refunded", v.totals.refunded).field("pending_refunds", v.totals.pending_refunds);
  w.field("refundable", v.totals.refundable).field("due", v.totals.due).field("waived", v.totals.waived).end();
  w.key("payments").array();
  for (const auto& p : v.order.payments) {
    w.object().field("id", p.id).field("method", p.method).field("provider", p.provider);
    w.field("provider_ref", p.provider_ref).field("amount", p.amount).field("status", p.status);
    w.key("paid_at").time(p.paid_at).end();
  }
  w.end();
  w.key("refunds").array();
  for (const auto& r : v.order.refunds) write_refund(w, r);
  w.end();
  w.key("actions").object();
  w.key("resend"), write_action_fields(w, v.actions.resend, language), w.end();
  w.key("personalisation"), write_action_fields(w, v.actions.personalisation, language), w.end();
  w.key("refund"), write_action_fields(w, v.actions.refund, language), w.end();
  w.key("cancel"), write_action_fields(w, v.actions.cancel, language);
  w.field("refund_amount_default", v.actions.cancel_refund_default).end();
  w.key("change"), write_action_fields(w, v.actions.change, language), w.end();
  w.key("settle"), write_action_fields(w, v.actions.settle, language), w.end();
  w.end();
  w.key("organisation").object().field("currency", org.currency).field("time_zone", org.time_zone).end();
  return w.end().take();
}

json list_item_json(const domain::OrderListItem& i) {
  return {{"number", i.number},
          {"status", std::string(domain::to_string(i.status))},
          {"contact_name", i.contact_name},
          {"email", opt(i.email)},
          {"event_name", i.event_name},
          {"event_id", i.event_id},
          {"ticket_count", i.ticket_count},
          {"total", i.total},
          {"currency", i.currency},
          {"payment_method", i.payment_method},
          {"created_at", time_json(i.created_at)}};
}

json history_json(const domain::HistoryItem& h) {
  json actor = {{"kind", h.actor.kind}, {"name", h.actor.name}};
  if (!h.actor.via.empty()) actor["via"] = h.actor.via;
  if (!h.actor.confirmation.empty()) actor["confirmation"] = h.actor.confirmation;
  return {{"id", h.id}, {"type", h.type}, {"at", time_json(h.at)}, {"actor", actor},
          {"data", json::parse(h.data, nullptr, false)}};
}

json me_json(const services::Principal& p) {
  json orgs = json::array();
  for (const auto& m : p.memberships)
    orgs.push_back({{"slug", m.organisation.slug},
                    {"name", m.organisation.name},
                    {"role", domain::to_string(m.role)}});
  json user = nullptr, token = nullptr;
  if (p.kind == services::Principal::Kind::user)
    user = {{"id", p.id}, {"email", p.email}, {"name", p.name},
            {"language", p.language ? json(*p.language) : json(nullptr)}};
  else
    token = {{"id", p.id}, {"name", p.name}};
  const auto& o = p.organisation;
  return {{"user", user},
          {"token", token},
          {"organisation",
           {{"slug", o.slug},
            {"name", o.name},
            {"currency", o.currency},
            {"time_zone", o.time_zone},
            {"country", o.country},
            {"role", domain::to_string(p.role)}}},
          {"permissions", domain::permission_names(p.role)},
          {"organisations", orgs},
          {"csrf_token", p.csrf_token.empty() ? json(nullptr) : json(p.csrf_token)}};
}

json import_json(const services::ImportView& v, bool full) {
  const auto& r = v.row;
  json progress;
  if (v.live) {
    progress = {{"done", v.live->done}, {"total", v.live->total}, {"phase", std::string(v.live->phase)}};
  } else {
    std::string phase = r.phase;
    if (phase.empty()) phase = r.status == domain::ImportStatus::validating || r.status == domain::ImportStatus::committing ? "waiting" : "done";
    progress = {{"done", r.progress_done}, {"total", r.progress_total}, {"phase", phase}};
  }
  json summary = json::parse(r.summary, nullptr, false);
  if (summary.is_discarded() || summary.empty()) summary = nullptr;
  json out{{"id", r.id},
           {"status", std::string(domain::to_string(r.status))},
           {"file_name", r.file_name},
           {"size", r.size},
           {"send_emails", r.send_emails},
           {"created_at", time_json(r.created_at)},
           {"created_by", r.created_by.name},
           {"updated_at", time_json(r.updated_at)},
           {"committed_at", time_json(r.committed_at)},
           {"committed_by", r.committed_by ? json(r.committed_by->name) : json(nullptr)},
           {"message", opt(r.message)},
           {"progress", progress},
           {"summary", summary},
           {"error_count", r.error_count},
           {"created_orders", json::parse(r.created_orders, nullptr, false)}};
  if (full) out["errors"] = json::parse(r.errors, nullptr, false);
  return out;
}

domain::ContactPatch contact_patch_from(const json& body) {
  domain::ContactPatch patch;
  for (auto name : domain::contact_text_fields()) {
    std::string key(name);
    if (!body.contains(key)) continue;
    const auto& v = body[key];
    if (v.is_null()) patch.text[key] = std::nullopt;
    else if (v.is_string()) patch.text[key] = v.get<std::string>();
    else throw validation_failed({{key, "Must be text."}});
  }
  if (body.contains("marketing_opt_in")) {
    if (!body["marketing_opt_in"].is_boolean()) throw validation_failed({{"marketing_opt_in", "Must be true or false."}});
    patch.marketing_opt_in = body["marketing_opt_in"].get<bool>();
  }
  return patch;
}

int64_t require_int(const json& body, const std::string& field) {
  if (!body.contains(field) || body[field].is_null()) throw validation_failed({{field, "Required."}});
  if (!body[field].is_number_integer()) throw validation_failed({{field, "Must be a whole number."}});
  return body[field].get<int64_t>();
}

}  // namespace bo::http
