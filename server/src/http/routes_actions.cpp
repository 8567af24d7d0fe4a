// The ⋯ actions of an order: resend, personalisation, refund, cancel; and its e-mail log.
#include "common/error.hpp"
#include "http/api.hpp"
#include "http/wire.hpp"
#include "services/cancel_order.hpp"
#include "services/personalisation.hpp"
#include "services/refunds.hpp"
#include "services/resend_tickets.hpp"
#include "services/orders.hpp"

namespace bo::http {
namespace {
std::string number_of(const Call& call) { return call.req.params.at("number"); }

services::AttendeeInput attendee_input_from(const json& body) {
  if (!body.contains("tickets") || !body["tickets"].is_array())
    throw validation_failed({{"tickets", "A list of {ticket_id, values} is required."}});
  services::AttendeeInput input;
  for (const auto& t : body["tickets"]) {
    if (!t.is_object() || !t.contains("ticket_id") || !t["ticket_id"].is_number_integer() || !t.contains("values") ||
        !t["values"].is_object())
      throw validation_failed({{"tickets", "Each entry needs a ticket_id and an object of values."}});
    auto& values = input[t["ticket_id"].get<int64_t>()];
    for (const auto& [k, v] : t["values"].items()) {
      if (v.is_null()) values[k] = "";
      else if (v.is_string()) values[k] = v.get<std::string>();
      else throw validation_failed({{std::to_string(t["ticket_id"].get<int64_t>()) + "." + k, "Must be text."}});
    }
  }
  return input;
}

json email_json(const domain::EmailRecord& e) {
  return {{"id", e.id},
          {"kind", e.kind},
          {"to", e.to},
          {"subject", e.subject},
          {"status", std::string(domain::to_string(e.status))},
          {"attempts", e.attempts},
          {"last_error", e.last_error ? json(*e.last_error) : json(nullptr)},
          {"created_at", time_json(e.created_at)},
          {"sent_at", time_json(e.sent_at)}};
}
}  // namespace

json personalisation_json(const services::PersonalisationView& v) {
  json tickets = json::array();
  for (const auto& t : v.order.tickets) {
    json fields = json::array();
    for (const auto& f : t.fields) {
      json jf{{"key", f.key}, {"label", f.label}, {"kind", f.kind}, {"required", f.required}};
      jf["options"] = f.kind == "select" ? json(f.options) : json(nullptr);
      fields.push_back(jf);
    }
    tickets.push_back({{"ticket_id", t.id},
                       {"ticket_type", {{"id", t.ticket_type_id}, {"name", t.ticket_type_name}}},
                       {"fields", fields},
                       {"values", t.attendee},
                       {"missing", domain::missing_fields(t.fields, t.attendee)}});
  }
  return {{"tickets", tickets},
          {"version", v.order.order.version},
          {"order", {{"number", v.order.order.number}}},
          {"event", event_json(v.order.event)},
          {"organisation", {{"name", v.organisation.name}, {"time_zone", v.organisation.time_zone}}}};
}

void add_action_routes(Routes& r) {
  r.add("POST", "/api/v1/orders/:number/resend", [](Call& call) {
    auto body = call.body_json();
    if (!body.contains("email") || !body["email"].is_string())
      throw validation_failed({{"email", "Confirm the e-mail address the tickets go to."}});
    auto id = services::resend_tickets(call.ctx, call.who(), number_of(call), body["email"].get<std::string>());
    return Response::json_body({{"email_id", id}, {"status", "queued"}}, 202);
  });

  r.add("GET", "/api/v1/orders/:number/emails", [](Call& call) {
    json items = json::array();
    for (const auto& e : services::order_emails(call.ctx, call.who(), number_of(call))) items.push_back(email_json(e));
    return Response::json_body({{"items", items}});
  });

  r.add("GET", "/api/v1/orders/:number/personalisation", [](Call& call) {
    return Response::json_body(personalisation_json(services::get_personalisation(call.ctx, call.who(), number_of(call))));
  });

  r.add("PUT", "/api/v1/orders/:number/personalisation", [](Call& call) {
    auto input = attendee_input_from(call.body_json());
    return Response::json_body(
        personalisation_json(services::save_personalisation(call.ctx, call.who(), number_of(call), input)));
  });

  r.add("POST", "/api/v1/orders/:number/personalisation-link", [](Call& call) {
    auto body = call.body_json();
    bool send = body.contains("send_email") && body["send_email"].is_boolean() && body["send_email"].get<bool>();
    auto link = services::create_personalisation_link(call.ctx, call.who(), number_of(call), send);
    return Response::json_body({{"url", link.url},
                                {"token", link.token},
                                {"expires_at", time_json(link.expires_at)},
                                {"email_id", link.email_id ? json(*link.email_id) : json(nullptr)}},
                               201);
  });

  r.add("POST", "/api/v1/orders/:number/refunds", [](Call& call) {
    auto body = call.body_json();
    services::RefundInput in;
    in.expected_version = require_int(body, "expected_version");
    if (body.contains("ticket_ids") && !body["ticket_ids"].is_null()) {
      if (!body["ticket_ids"].is_array()) throw validation_failed({{"ticket_ids", "Must be a list of ticket ids."}});
      for (const auto& id : body["ticket_ids"]) {
        if (!id.is_number_integer()) throw validation_failed({{"ticket_ids", "Must be a list of ticket ids."}});
        in.ticket_ids.push_back(id.get<int64_t>());
      }
    }
    if (body.contains("amount") && !body["amount"].is_null()) in.amount = require_int(body, "amount");
    if (body.contains("reason") && body["reason"].is_string()) in.reason = body["reason"].get<std::string>();
    if (body.contains("keep_tickets_valid")) {
      if (!body["keep_tickets_valid"].is_boolean()) throw validation_failed({{"keep_tickets_valid", "Must be true or false."}});
      in.keep_tickets_valid = body["keep_tickets_valid"].get<bool>();
    }
    in.idempotency_key = call.req.header("idempotency-key");
    auto out = services::refund_order(call.ctx, call.who(), number_of(call), in);
    auto res = Response::json_body(refund_json(out.refund), 201);
    if (out.replayed) res.headers.emplace_back("Idempotent-Replayed", "true");
    return res;
  });

  r.add("POST", "/api/v1/orders/:number/cancel", [](Call& call) {
    auto body = call.body_json();
    services::CancelInput in;
    in.expected_version = require_int(body, "expected_version");
    if (body.contains("refund_amount") && !body["refund_amount"].is_null()) in.refund_amount = require_int(body, "refund_amount");
    if (!body.contains("notify_customer") || !body["notify_customer"].is_boolean())
      throw validation_failed({{"notify_customer", "Say whether the customer is told (true or false)."}});
    in.notify_customer = body["notify_customer"].get<bool>();
    if (body.contains("reason") && body["reason"].is_string()) in.reason = body["reason"].get<std::string>();
    auto result = services::cancel_order(call.ctx, call.who(), number_of(call), in);
    auto view = services::get_order(call.ctx, call.who(), number_of(call));
    return Response::json_text(order_json(view, call.who().organisation),
                               result == services::CancelResult::cancelled ? 200 : 202);
  });
}
}  // namespace bo::http
