#include "http/wire.hpp"

#include "common/error.hpp"
#include "common/time.hpp"
#include "domain/codes.hpp"
#include "domain/refund_rules.hpp"

namespace bo::http {

json time_json(std::optional<int64_t> s) { return s ? json(iso_utc(*s)) : json(nullptr); }

static json opt(const std::optional<std::string>& v) { return v ? json(*v) : json(nullptr); }

json contact_json(const domain::Contact& c) {
  json j = json::object();
  for (auto name : domain::contact_text_fields()) j[std::string(name)] = opt(*domain::contact_field(c, name));
  j["marketing_opt_in"] = c.marketing_opt_in;
  return j;
}

json event_json(const domain::Event& e) {
  return {{"id", e.id},
          {"name", e.name},
          {"venue", e.venue},
          {"starts_at", time_json(e.starts_at)},
          {"ends_at", time_json(e.ends_at)},
          {"archived", e.archived}};
}

json ticket_json(const domain::Ticket& t, bool mask) {
  return {{"id", t.id},
          {"ticket_type", {{"id", t.ticket_type_id}, {"name", t.ticket_type_name}}},
          {"price", t.price},
          {"fee", t.fee},
          {"status", domain::to_string(t.status)},
          {"barcode", mask ? domain::mask_barcode(t.barcode) : t.barcode},
          {"attendee", t.attendee},
          {"attendee_name", domain::attendee_name(t.attendee)},
          {"checked_in_at", time_json(t.checked_in_at)},
          {"requires_personalisation", !t.fields.empty()},
          {"personalisation_missing", domain::missing_fields(t.fields, t.attendee)}};
}

json refund_json(const domain::Refund& r) {
  return {{"id", r.id},
          {"amount", r.amount},
          {"status", r.status},
          {"method", r.method},
          {"provider", r.provider},
          {"provider_ref", opt(r.provider_ref)},
          {"ticket_ids", r.ticket_ids},
          {"keep_tickets_valid", r.keep_tickets_valid},
          {"reason", r.reason},
          {"error", opt(r.error)},
          {"created_by", r.created_by_name},
          {"created_at", time_json(r.created_at)},
          {"completed_at", time_json(r.completed_at)}};
}

static json action_json(const domain::ActionState& a) {
  if (a.enabled) return {{"enabled", true}, {"reason", nullptr}, {"message", nullptr}};
  return {{"enabled", false}, {"reason", a.reason}, {"message", domain::reason_message(a.reason)}};
}

json order_json(const services::OrderView& v, const domain::Organisation& org) {
  const auto& o = v.order.order;
  json tickets = json::array();
  for (const auto& t : v.order.tickets) {
    tickets.push_back(ticket_json(t));
    tickets.back()["refund_value"] = domain::ticket_refund_value(t, org.policy);
  }
  json payments = json::array();
  for (const auto& p : v.order.payments)
    payments.push_back({{"id", p.id},
                        {"method", p.method},
                        {"provider", p.provider},
                        {"provider_ref", opt(p.provider_ref)},
                        {"amount", p.amount},
                        {"status", p.status},
                        {"paid_at", time_json(p.paid_at)}});
  json refunds = json::array();
  for (const auto& r : v.order.refunds) refunds.push_back(refund_json(r));
  auto cancel = action_json(v.actions.cancel);
  cancel["refund_amount_default"] = v.actions.cancel_refund_default;
  return {{"number", o.number},
          {"status", domain::to_string(o.status)},
          {"version", o.version},
          {"created_at", time_json(o.created_at)},
          {"paid_at", time_json(o.paid_at)},
          {"cancelled_at", time_json(o.cancelled_at)},
          {"source", o.source},
          {"external_ref", opt(o.external_ref)},
          {"payment_method", o.payment_method},
          {"event", event_json(v.order.event)},
          {"contact", contact_json(o.contact)},
          {"tickets", tickets},
          {"totals",
           {{"currency", o.currency},
            {"tickets", v.totals.tickets},
            {"fees", v.totals.fees},
            {"total", v.totals.total},
            {"paid", v.totals.paid},
            {"refunded", v.totals.refunded},
            {"pending_refunds", v.totals.pending_refunds},
            {"refundable", v.totals.refundable}}},
          {"payments", payments},
          {"refunds", refunds},
          {"actions",
           {{"resend", action_json(v.actions.resend)},
            {"personalisation", action_json(v.actions.personalisation)},
            {"refund", action_json(v.actions.refund)},
            {"cancel", cancel}}},
          {"organisation", {{"currency", org.currency}, {"time_zone", org.time_zone}}}};
}

json list_item_json(const store::OrderListItem& i) {
  return {{"number", i.number},
          {"status", i.status},
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

json history_json(const store::HistoryItem& h) {
  return {{"id", h.id},
          {"type", h.type},
          {"at", time_json(h.at)},
          {"actor", {{"kind", h.actor.kind}, {"name", h.actor.name}}},
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
    user = {{"id", p.id}, {"email", p.email}, {"name", p.name}};
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
    if (phase.empty()) phase = r.status == "validating" || r.status == "committing" ? "waiting" : "done";
    progress = {{"done", r.progress_done}, {"total", r.progress_total}, {"phase", phase}};
  }
  json summary = json::parse(r.summary, nullptr, false);
  if (summary.is_discarded() || summary.empty()) summary = nullptr;
  json out{{"id", r.id},
           {"status", r.status},
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
