#include "http/wire_actions.hpp"

#include "common/error.hpp"
#include "domain/languages.hpp"
#include "domain/personalisation.hpp"
#include "http/wire.hpp"

namespace bo::http {

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
          {"organisation", {{"name", v.organisation.name}, {"time_zone", v.organisation.time_zone}}},
          {"language", domain::customer_language(v.order.order.contact.language, v.organisation.default_language)}};
}

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

services::RefundInput refund_input_from(const json& body, bool with_version) {
  services::RefundInput in;
  if (with_version) in.expected_version = require_int(body, "expected_version");
  if (body.contains("ticket_ids") && !body["ticket_ids"].is_null()) {
    if (!body["ticket_ids"].is_array()) throw validation_failed({{"ticket_ids", "Must be a list of ticket ids."}});
    if (body["ticket_ids"].size() > kMaxRefundTickets)
      throw validation_failed({{"ticket_ids", "At most " + std::to_string(kMaxRefundTickets) + " tickets at once."}});
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
  return in;
}

services::CancelInput cancel_input_from(const json& body, bool with_version) {
  services::CancelInput in;
  if (with_version) in.expected_version = require_int(body, "expected_version");
  if (body.contains("refund_amount") && !body["refund_amount"].is_null()) in.refund_amount = require_int(body, "refund_amount");
  if (!body.contains("notify_customer") || !body["notify_customer"].is_boolean())
    throw validation_failed({{"notify_customer", "Say whether the customer is told (true or false)."}});
  in.notify_customer = body["notify_customer"].get<bool>();
  if (body.contains("reason") && body["reason"].is_string()) in.reason = body["reason"].get<std::string>();
  return in;
}
}  // namespace bo::http
