// The tools that change an order's tickets: preview_change and change_order, confirmed by a person the
// same way as a refund (a confirmation token from the preview, or an elicitation).
#include "domain/money.hpp"
#include "domain/order_change.hpp"
#include "http/wire.hpp"
#include "http/wire_changes.hpp"
#include "mcp/confirm.hpp"
#include "mcp/tools.hpp"
#include "services/change_order.hpp"

namespace bo::mcp {
namespace {
using domain::Permission;

json change_args() {
  json op = {{"type", "object"},
             {"properties",
              {{"type", {{"type", "string"}, {"enum", {"swap", "add", "cancel", "hand_over"}}}},
               {"ticket_id", {{"type", "integer"}, {"description", "swap, cancel, hand_over: the ticket (id from get_order)."}}},
               {"ticket_type_id",
                {{"type", "integer"},
                 {"description", "swap, add: the ticket type; one of another event moves the ticket there."}}},
               {"quantity", {{"type", "integer"}, {"minimum", 1}, {"maximum", domain::kMaxAddQuantity}}},
               {"price", {{"type", "integer"}, {"minimum", 0}, {"description", "A price set by finance, minor units."}}},
               {"attendee", {{"type", "object"}, {"description", "hand_over: the new attendee's personalisation values."}}}}},
             {"required", {"type"}}};
  return {{"number", kNumberArg},
          {"operations", {{"type", "array"}, {"items", op}, {"minItems", 1}, {"maxItems", domain::kMaxChangeOperations}}},
          {"notify_customer", {{"type", "boolean"}, {"default", true}}}};
}

// What a change confirmation covers: every operation and whether the customer is told.
json change_digest(const json& args, const services::ChangeInput& in) {
  return {{"operations", args.at("operations")}, {"notify_customer", in.notify_customer}};
}

// The words shown to the person: each changed ticket, then the money.
std::string change_message(std::string_view number, const json& summary, const std::string& currency) {
  auto money = [&](int64_t v) { return domain::format_money(v, currency); };
  auto words = [](const json& line) {
    return line["ticket_type"]["name"].get<std::string>() + " (" + line["event"]["name"].get<std::string>() + ")";
  };
  std::map<int64_t, json> before;
  for (const auto& l : summary["before"]["tickets"]) before[l["ticket_id"].get<int64_t>()] = l;
  std::string msg = "Change order " + std::string(number) + ":";
  for (const auto& l : summary["after"]["tickets"]) {
    if (l["operation"].is_null()) continue;
    auto op = l["operation"].get<std::string>();
    auto id = l["ticket_id"].is_null() ? std::string("new") : std::to_string(l["ticket_id"].get<int64_t>());
    if (op == "swap") msg += "\n- Ticket " + id + ": " + words(before[l["ticket_id"].get<int64_t>()]) + " → " + words(l);
    else if (op == "add") msg += "\n- Add " + words(l) + " at " + money(l["price"].get<int64_t>() + l["fee"].get<int64_t>());
    else if (op == "cancel") msg += "\n- Cancel ticket " + id + ": " + words(l);
    else msg += "\n- Ticket " + id + " goes to someone else and gets a new code";
  }
  auto difference = summary["difference"].get<int64_t>();
  const auto& s = summary["settlement"];
  auto kind = s["kind"].get<std::string>();
  auto amount = s["amount"].get<int64_t>();
  msg += "\nTotal " + money(summary["before"]["total"].get<int64_t>()) + " → " +
         money(summary["after"]["total"].get<int64_t>()) + ".";
  if (kind == "due") msg += " The customer owes " + money(difference) + ": the order shows it as open until finance records the payment or waives it.";
  else if (kind == "refund") msg += " " + money(amount) + " is refunded to the customer.";
  else if (kind == "due_reduced") msg += " The open amount falls by " + money(amount) + ".";
  return msg;
}

Tool preview_change() {
  Tool t;
  t.name = "preview_change";
  t.title = "Preview an order change";
  t.description =
      "What change_order would do, without doing it: the tickets before and after (swapped, moved to another "
      "event, added, cancelled, handed to someone else), the money difference and how it is settled; and a "
      "confirmation token (10 minutes, once) for change_order with the same arguments. Show the message to the "
      "person before changing.";
  t.input_schema = object_schema(change_args(), {"number", "operations"});
  t.output_schema = {{"type", "object"},
                     {"properties", {{"difference", {{"type", "integer"}}}, {"message", {{"type", "string"}}},
                                     {"confirmation_token", {{"type", "string"}}}}},
                     {"required", {"difference", "message", "confirmation_token"}}};
  t.permission = Permission::edit_orders;
  t.run = [](ToolCall& call) {
    auto number = required_text(call.args, "number", 20);
    auto in = http::change_input_from(call.args, false);
    auto out = services::preview_change(call.ctx, call.who, number, in);
    json result = out.summary;
    result["number"] = out.order.order.order.number;
    result["version"] = out.order.order.order.version;
    result["currency"] = out.order.order.order.currency;
    result["message"] = change_message(number, out.summary, out.order.order.order.currency);
    return merged(result, confirmation_json(call, out.order.order.order, "change", change_digest(call.args, in)));
  };
  return t;
}

Tool change_order() {
  Tool t;
  t.name = "change_order";
  t.title = "Change the order";
  t.description =
      "Changes an order's tickets: swap a ticket's type, move tickets to another event, add tickets, cancel single "
      "tickets, hand a ticket to someone else. Changed and added tickets get new codes and the customer one e-mail "
      "with the new PDF. Needs the person's confirmation: a confirmation_token from preview_change with the same "
      "arguments, or, when your client supports elicitation, the server asks the person itself.";
  json props = change_args();
  props["confirmation_token"] = kConfirmationTokenArg;
  t.input_schema = object_schema(props, {"number", "operations"});
  t.output_schema = order_schema();
  t.read_only = false;
  t.destructive = true;
  t.idempotent = false;
  t.permission = Permission::edit_orders;
  t.run = [](ToolCall& call) {
    auto number = required_text(call.args, "number", 20);
    auto in = http::change_input_from(call.args, false);
    in.expected_version = confirm(call, number, "change", change_digest(call.args, in), "preview_change", [&] {
      auto p = services::preview_change(call.ctx, call.who, number, in);
      return Preview{p.order.order.order.version, change_message(number, p.summary, p.order.order.order.currency)};
    });
    auto out = services::change_order(call.ctx, call.who, number, in);
    return json::parse(http::order_json(out.order, call.who.organisation));
  };
  return t;
}
}  // namespace

std::vector<Tool> change_tools() { return {preview_change(), change_order()}; }
}  // namespace bo::mcp
