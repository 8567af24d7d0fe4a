#include "http/wire_changes.hpp"

#include <algorithm>

#include "common/error.hpp"
#include "domain/order_change.hpp"
#include "http/wire.hpp"

namespace bo::http {
namespace {
std::string at(size_t i, const char* name) { return "operations[" + std::to_string(i) + "]." + name; }

int64_t int_field(const json& op, size_t i, const char* name) {
  if (!op.contains(name) || !op[name].is_number_integer()) throw validation_failed({{at(i, name), "A whole number is required."}});
  return op[name].get<int64_t>();
}

domain::ChangeOperation operation_from(const json& op, size_t i) {
  if (!op.is_object()) throw validation_failed({{"operations[" + std::to_string(i) + "]", "Must be an object."}});
  std::string type = op.contains("type") && op["type"].is_string() ? op["type"].get<std::string>() : "";
  domain::ChangeOperation out;
  if (type == "swap") out.kind = domain::ChangeKind::swap;
  else if (type == "add") out.kind = domain::ChangeKind::add;
  else if (type == "cancel") out.kind = domain::ChangeKind::cancel;
  else if (type == "hand_over") out.kind = domain::ChangeKind::hand_over;
  else throw validation_failed({{at(i, "type"), "Use swap, add, cancel or hand_over."}});
  if (out.kind != domain::ChangeKind::add) out.ticket_id = int_field(op, i, "ticket_id");
  if (out.kind == domain::ChangeKind::swap || out.kind == domain::ChangeKind::add)
    out.ticket_type_id = int_field(op, i, "ticket_type_id");
  if (out.kind == domain::ChangeKind::add)
    out.quantity = static_cast<int>(std::clamp<int64_t>(int_field(op, i, "quantity"), -1, 1'000'000));
  if ((out.kind == domain::ChangeKind::swap || out.kind == domain::ChangeKind::add) && op.contains("price") &&
      !op["price"].is_null())
    out.price = int_field(op, i, "price");
  if (out.kind == domain::ChangeKind::hand_over) {
    if (!op.contains("attendee") || !op["attendee"].is_object())
      throw validation_failed({{at(i, "attendee"), "The new attendee's details are required."}});
    for (const auto& [key, value] : op["attendee"].items()) {
      if (value.is_null()) continue;
      if (!value.is_string()) throw validation_failed({{at(i, "attendee") + "." + key, "Must be text."}});
      out.attendee[key] = value.get<std::string>();
    }
  }
  return out;
}
}  // namespace

services::ChangeInput change_input_from(const json& body, bool with_version) {
  services::ChangeInput in;
  if (with_version) in.expected_version = require_int(body, "expected_version");
  if (!body.contains("operations") || !body["operations"].is_array())
    throw validation_failed({{"operations", "A list of operations is required."}});
  const auto& ops = body["operations"];
  if (ops.size() > static_cast<size_t>(domain::kMaxChangeOperations))
    throw validation_failed({{"operations", "At most " + std::to_string(domain::kMaxChangeOperations) + " operations."}});
  for (size_t i = 0; i < ops.size(); ++i) in.operations.push_back(operation_from(ops[i], i));
  if (body.contains("notify_customer") && !body["notify_customer"].is_null()) {
    if (!body["notify_customer"].is_boolean()) throw validation_failed({{"notify_customer", "Must be true or false."}});
    in.notify_customer = body["notify_customer"].get<bool>();
  }
  return in;
}

json change_outcome_json(const services::ChangeOutcome& out, const domain::Organisation& org, bool preview,
                         std::string_view language) {
  auto opt = [](const std::optional<int64_t>& v) { return v ? json(*v) : json(nullptr); };
  json j = out.summary;
  j["preview"] = preview;
  j["change_id"] = opt(out.change_id);
  j["refund_id"] = opt(out.refund_id);
  j["email_id"] = opt(out.email_id);
  j["order"] = preview ? json(nullptr) : json::parse(order_json(out.order, org, language));
  return j;
}

json change_options_json(const services::ChangeOptions& options) {
  json events = json::array();
  for (const auto& e : options.events) {
    json types = json::array();
    if (auto it = options.types.find(e.id); it != options.types.end())
      for (const auto& t : it->second)
        types.push_back({{"id", t.id}, {"name", t.name}, {"price", t.price}, {"fee", t.fee},
                         {"available", std::max<int64_t>(0, t.capacity - t.issued)}});
    events.push_back({{"id", e.id}, {"name", e.name}, {"starts_at", time_json(e.starts_at)},
                      {"ends_at", time_json(e.ends_at)}, {"current", e.id == options.current_event_id},
                      {"ticket_types", types}});
  }
  return {{"events", events}};
}
}  // namespace bo::http
