// The tools that change an order. Each calls the service the API calls; the ones the source document
// says a person must confirm (resend, refund, cancel, opening personalisation) go through confirm().
#include <algorithm>

#include "common/error.hpp"
#include "domain/contact.hpp"
#include "domain/money.hpp"
#include "domain/personalisation.hpp"
#include "domain/refund_rules.hpp"
#include "http/wire.hpp"
#include "http/wire_actions.hpp"
#include "mcp/confirm.hpp"
#include "mcp/tools.hpp"
#include "services/cancel_order.hpp"
#include "services/checkin.hpp"
#include "services/compose_email.hpp"
#include "services/orders.hpp"
#include "services/personalisation.hpp"
#include "services/refunds.hpp"
#include "services/resend_tickets.hpp"

namespace bo::mcp {
using domain::Permission;

const json kNumberArg = {{"type", "string"}, {"minLength", 1}, {"maxLength", 20}, {"description", "The order number."}};
const json kConfirmationTokenArg = {
    {"type", "string"},
    {"maxLength", 100},
    {"description",
     "From the preview the person confirmed. Leave out when your client lets the server ask the person itself "
     "(elicitation)."}};

json object_schema(json properties, std::vector<std::string> required) {
  return {{"type", "object"}, {"properties", std::move(properties)}, {"required", std::move(required)},
          {"additionalProperties", false}};
}

namespace {
const json& kNumber = kNumberArg;
const json& kToken = kConfirmationTokenArg;
const json kConfirmationOut = {{"type", "object"},
                               {"properties", {{"confirmation_token", {{"type", "string"}}}, {"expires_at", {{"type", "string"}}}}},
                               {"required", {"confirmation_token", "expires_at"}}};

std::string money(int64_t minor, const domain::Order& o) { return domain::format_money(minor, o.currency); }

std::string plural(size_t n, const char* one, const char* many) { return std::to_string(n) + " " + (n == 1 ? one : many); }

json order_out(ToolCall& call, std::string_view number) {
  return json::parse(http::order_json(services::get_order(call.ctx, call.who, number), call.who.organisation));
}

// ---- Edits without confirmation ----------------------------------------------------------------

Tool update_contact() {
  Tool t;
  t.name = "update_contact";
  t.title = "Correct the buyer's contact data";
  t.description =
      "Changes the buyer's contact fields of an order (only those given; null clears one). Pass the order's "
      "version from get_order as expected_version: a change made meanwhile is refused with order_changed.";
  json props = {{"number", kNumber}, {"expected_version", {{"type", "integer"}}}, {"marketing_opt_in", {{"type", "boolean"}}}};
  for (auto f : domain::contact_text_fields())
    props[std::string(f)] = {{"type", {"string", "null"}}, {"maxLength", 500}};
  t.input_schema = object_schema(props, {"number", "expected_version"});
  t.output_schema = order_schema();
  t.read_only = false;
  t.idempotent = false;
  t.permission = Permission::edit_orders;
  t.run = [](ToolCall& call) {
    auto number = required_text(call.args, "number", 20);
    auto version = int_arg(call.args, "expected_version", 0, INT64_MAX);
    if (!version) throw validation_failed({{"expected_version", "Required."}});
    auto view = services::update_contact(call.ctx, call.who, number, *version, http::contact_patch_from(call.args));
    return json::parse(http::order_json(view, call.who.organisation));
  };
  return t;
}

Tool add_note() {
  Tool t;
  t.name = "add_note";
  t.title = "Add a note";
  t.description = "Adds an internal note to the order's history (never shown to the customer).";
  t.input_schema = object_schema({{"number", kNumber}, {"text", {{"type", "string"}, {"minLength", 1}, {"maxLength", 2000}}}},
                                 {"number", "text"});
  t.output_schema = {{"type", "object"}, {"properties", {{"id", {{"type", "integer"}}}, {"type", {{"type", "string"}}}}},
                     {"required", {"id", "type"}}};
  t.read_only = false;
  t.idempotent = false;
  t.permission = Permission::edit_orders;
  t.run = [](ToolCall& call) {
    auto item = services::add_note(call.ctx, call.who, required_text(call.args, "number", 20),
                                   required_text(call.args, "text", 2000));
    return http::history_json(item);
  };
  return t;
}

json personalisation_schema() {
  return {{"type", "object"},
          {"properties", {{"tickets", {{"type", "array"}}}, {"version", {{"type", "integer"}}}}},
          {"required", {"tickets", "version"}}};
}

Tool update_personalisation() {
  Tool t;
  t.name = "update_personalisation";
  t.title = "Fill in attendee data";
  t.description =
      "Saves attendee data for tickets that ask for it: tickets is a list of {ticket_id, values: {field key: text}} "
      "with the keys get_personalisation lists. Answers what is still missing.";
  t.input_schema = object_schema(
      {{"number", kNumber},
       {"tickets",
        {{"type", "array"},
         {"maxItems", 500},
         {"items",
          {{"type", "object"},
           {"properties", {{"ticket_id", {{"type", "integer"}}}, {"values", {{"type", "object"}}}}},
           {"required", {"ticket_id", "values"}}}}}}},
      {"number", "tickets"});
  t.output_schema = personalisation_schema();
  t.read_only = false;
  t.permission = Permission::edit_orders;
  t.run = [](ToolCall& call) {
    auto number = required_text(call.args, "number", 20);
    auto view = services::save_personalisation(call.ctx, call.who, number, http::attendee_input_from(call.args));
    return http::personalisation_json(view);
  };
  return t;
}

// ---- Check-in ----------------------------------------------------------------------------------

Tool check_in() {
  Tool t;
  t.name = "check_in";
  t.title = "Check a ticket at the gate";
  t.description =
      "What the gate answers for a barcode: valid, already_checked_in, cancelled, refunded, not_paid or unknown. "
      "Only looks unless record is true; then a valid ticket is checked in.";
  t.input_schema = object_schema({{"barcode", {{"type", "string"}, {"minLength", 1}, {"maxLength", 100}}},
                                  {"record", {{"type", "boolean"}, {"default", false}}}},
                                 {"barcode"});
  t.output_schema = {{"type", "object"},
                     {"properties",
                      {{"result", {{"type", "string"}}}, {"recorded", {{"type", "boolean"}}},
                       {"order_number", {{"type", "string"}}}, {"event_name", {{"type", "string"}}}}},
                     {"required", {"result", "recorded"}}};
  t.read_only = false;
  t.permission = Permission::check_in;
  t.run = [](ToolCall& call) {
    bool record = bool_arg(call.args, "record").value_or(false);
    auto r = services::check_in(call.ctx, call.who, required_text(call.args, "barcode", 100), record);
    json out = {{"result", r.result}, {"recorded", record && r.result == "valid"}};
    if (r.ticket) {
      out["order_number"] = r.order_number;
      out["event_name"] = r.event_name;
      out["ticket"] = http::ticket_json(*r.ticket);
    }
    return out;
  };
  return t;
}

// ---- Resend ------------------------------------------------------------------------------------

Tool resend_tickets() {
  Tool t;
  t.name = "resend_tickets";
  t.title = "Resend the tickets";
  t.description =
      "E-mails the order's valid tickets again to the buyer's address. email must be that address as the person "
      "confirmed it (get_order shows it, with a confirmation token under resend_confirmation).";
  t.input_schema = object_schema({{"number", kNumber}, {"email", {{"type", "string"}, {"maxLength", 254}}},
                                  {"confirmation_token", kToken}},
                                 {"number", "email"});
  t.output_schema = {{"type", "object"},
                     {"properties", {{"email_id", {{"type", "integer"}}}, {"status", {{"type", "string"}}}, {"to", {{"type", "string"}}}}},
                     {"required", {"email_id", "status", "to"}}};
  t.read_only = false;
  t.idempotent = false;
  t.permission = Permission::edit_orders;
  t.run = [](ToolCall& call) {
    auto number = required_text(call.args, "number", 20);
    auto email = required_text(call.args, "email", 254);
    confirm(call, number, "resend", resend_digest(email), "get_order", [&] {
      auto a = services::preview_resend(call.ctx, call.who, number, email);
      auto n = services::valid_ticket_ids(a).size();
      return Preview{a.order.version, "Send " + plural(n, "valid ticket", "valid tickets") + " of order " +
                                          a.order.number + " (" + a.event.name + ") to " + *a.order.contact.email + "?"};
    });
    auto id = services::resend_tickets(call.ctx, call.who, number, email);
    return json{{"email_id", id}, {"status", "queued"}, {"to", email}};
  };
  return t;
}

// ---- Personalisation ---------------------------------------------------------------------------

std::string fields_needed(const services::PersonalisationView& v) {
  std::string out;
  for (const auto& t : v.order.tickets) {
    std::vector<std::string> labels;
    for (const auto& f : t.fields)
      if (f.required) labels.push_back(f.label);
    out += "\n- " + t.ticket_type_name + " (ticket " + std::to_string(t.id) + "): ";
    for (size_t i = 0; i < labels.size(); ++i) out += (i ? ", " : "") + labels[i];
    auto missing = domain::missing_fields(t.fields, t.attendee);
    out += missing.empty() ? " (complete)" : " (" + std::to_string(missing.size()) + " missing)";
  }
  return out;
}

Tool get_personalisation() {
  Tool t;
  t.name = "get_personalisation";
  t.title = "Attendee data of an order";
  t.description =
      "The tickets that ask for attendee data, their fields, the values so far and what is missing; with a "
      "confirmation token for send_personalisation_link once the person agrees that it is needed.";
  t.input_schema = object_schema({{"number", kNumber}}, {"number"});
  t.output_schema = personalisation_schema();
  t.output_schema["properties"]["link_confirmation"] = kConfirmationOut;
  t.permission = Permission::edit_orders;
  t.run = [](ToolCall& call) {
    auto view = services::get_personalisation(call.ctx, call.who, required_text(call.args, "number", 20));
    auto out = http::personalisation_json(view);
    out["link_confirmation"] = confirmation_json(call, view.order.order, "personalisation", json::object());
    return out;
  };
  return t;
}

Tool send_personalisation_link() {
  Tool t;
  t.name = "send_personalisation_link";
  t.title = "Open personalisation for the customer";
  t.description =
      "Makes a link (valid for days) where the customer fills in the attendee data, and e-mails it unless "
      "send_email is false. The person must first agree that personalisation is needed (get_personalisation).";
  t.input_schema = object_schema({{"number", kNumber}, {"send_email", {{"type", "boolean"}, {"default", true}}},
                                  {"confirmation_token", kToken}},
                                 {"number"});
  t.output_schema = {{"type", "object"},
                     {"properties", {{"url", {{"type", "string"}}}, {"expires_at", {{"type", "string"}}},
                                     {"email_id", {{"type", {"integer", "null"}}}}}},
                     {"required", {"url", "expires_at"}}};
  t.read_only = false;
  t.idempotent = false;
  t.permission = Permission::edit_orders;
  t.run = [](ToolCall& call) {
    auto number = required_text(call.args, "number", 20);
    bool send = bool_arg(call.args, "send_email").value_or(true);
    confirm(call, number, "personalisation", json::object(), "get_personalisation", [&] {
      auto view = services::get_personalisation(call.ctx, call.who, number);
      return Preview{view.order.order.version,
                     "Open personalisation of order " + view.order.order.number +
                         (send ? " and e-mail the customer a link" : "") + "? These tickets ask for attendee data:" +
                         fields_needed(view)};
    });
    auto link = services::create_personalisation_link(call.ctx, call.who, number, send);
    return json{{"url", link.url}, {"expires_at", http::time_json(link.expires_at)},
                {"email_id", link.email_id ? json(*link.email_id) : json(nullptr)}};
  };
  return t;
}

// ---- Refund ------------------------------------------------------------------------------------

const json kRefundArgs = {
    {"number", kNumber},
    {"ticket_ids", {{"type", "array"}, {"items", {{"type", "integer"}}}, {"maxItems", http::kMaxRefundTickets},
                    {"description", "The tickets to refund (their ids from get_order)."}}},
    {"amount", {{"type", "integer"}, {"minimum", 1}, {"description", "A free amount in minor units, on top of the tickets."}}},
    {"keep_tickets_valid", {{"type", "boolean"}, {"default", false}}}};

// What a refund confirmation covers: the money and what happens to the tickets (the reason is a note).
json refund_digest(const services::RefundInput& in) {
  auto ids = in.ticket_ids;
  std::sort(ids.begin(), ids.end());
  return {{"ticket_ids", ids}, {"amount", in.amount ? json(*in.amount) : json(nullptr)},
          {"keep_tickets_valid", in.keep_tickets_valid}};
}

std::string refund_message(const services::RefundPreview& p, const domain::RefundPolicy& policy, bool keep_valid) {
  const auto& o = p.order.order;
  std::string msg = "Refund " + money(p.plan.amount, o) + " of order " + o.number + " to the customer's " +
                    p.payment_method + (p.method == "provider" ? " through the payment provider." : " (recorded as a manual refund: pay it back yourself).");
  for (const auto& t : p.order.tickets)
    if (std::find(p.plan.ticket_ids.begin(), p.plan.ticket_ids.end(), t.id) != p.plan.ticket_ids.end())
      msg += "\n- " + t.ticket_type_name + " (ticket " + std::to_string(t.id) + "): " +
             money(domain::ticket_refund_value(t, policy), o);
  if (!p.plan.ticket_ids.empty())
    msg += keep_valid ? "\nThe tickets stay valid." : "\nThese tickets stop being valid.";
  return msg;
}

json refund_preview_json(const services::RefundPreview& p, const domain::RefundPolicy& policy, bool keep_valid) {
  return {{"number", p.order.order.number},
          {"version", p.order.order.version},
          {"amount", p.plan.amount},
          {"currency", p.order.order.currency},
          {"ticket_ids", p.plan.ticket_ids},
          {"payment_method", p.payment_method},
          {"method", p.method},
          {"tickets_after", p.plan.ticket_ids.empty() ? "unchanged" : keep_valid ? "valid" : "refunded"},
          {"message", refund_message(p, policy, keep_valid)}};
}

Tool preview_refund() {
  Tool t;
  t.name = "preview_refund";
  t.title = "Preview a refund";
  t.description =
      "What refund_order would do with these arguments, without doing it: the amount, the tickets, the refund "
      "method and what happens to the tickets; and a confirmation token (10 minutes, once) for refund_order with "
      "the same arguments. Show the message to the person before refunding.";
  t.input_schema = object_schema(kRefundArgs, {"number"});
  t.output_schema = {{"type", "object"},
                     {"properties", {{"amount", {{"type", "integer"}}}, {"message", {{"type", "string"}}},
                                     {"confirmation_token", {{"type", "string"}}}}},
                     {"required", {"amount", "message", "confirmation_token"}}};
  t.permission = Permission::refund_orders;
  t.run = [](ToolCall& call) {
    auto number = required_text(call.args, "number", 20);
    auto in = http::refund_input_from(call.args, false);
    auto p = services::preview_refund(call.ctx, call.who, number, in);
    return merged(refund_preview_json(p, call.who.organisation.policy, in.keep_tickets_valid),
                  confirmation_json(call, p.order.order, "refund", refund_digest(in)));
  };
  return t;
}

Tool refund_order() {
  Tool t;
  t.name = "refund_order";
  t.title = "Refund";
  t.description =
      "Refunds money of a paid order: the tickets in ticket_ids and/or a free amount. Needs the "
      "person's confirmation: a confirmation_token from preview_refund with the same arguments, or, when your "
      "client supports elicitation, the server asks the person itself.";
  json props = kRefundArgs;
  props["reason"] = {{"type", "string"}, {"minLength", 1}, {"maxLength", 500}};
  props["confirmation_token"] = kToken;
  t.input_schema = object_schema(props, {"number", "reason"});
  t.output_schema = {{"type", "object"},
                     {"properties", {{"id", {{"type", "integer"}}}, {"amount", {{"type", "integer"}}}, {"status", {{"type", "string"}}}}},
                     {"required", {"id", "amount", "status"}}};
  t.read_only = false;
  t.destructive = true;
  t.idempotent = false;
  t.permission = Permission::refund_orders;
  t.run = [](ToolCall& call) {
    auto number = required_text(call.args, "number", 20);
    auto in = http::refund_input_from(call.args, false);
    in.expected_version = confirm(call, number, "refund", refund_digest(in), "preview_refund", [&] {
      auto p = services::preview_refund(call.ctx, call.who, number, in);
      return Preview{p.order.order.version, refund_message(p, call.who.organisation.policy, in.keep_tickets_valid)};
    });
    return http::refund_json(services::refund_order(call.ctx, call.who, number, in).refund);
  };
  return t;
}

// ---- Cancel ------------------------------------------------------------------------------------

const json kCancelArgs = {
    {"number", kNumber},
    {"refund_amount", {{"type", "integer"}, {"minimum", 0},
                       {"description", "What to refund in minor units; default: what the order's cancel action proposes."}}},
    {"notify_customer", {{"type", "boolean"}, {"description", "Whether the customer gets a cancellation e-mail."}}}};

json cancel_digest(const services::CancelInput& in) {
  return {{"refund_amount", in.refund_amount ? json(*in.refund_amount) : json(nullptr)},
          {"notify_customer", in.notify_customer}};
}

std::string cancel_message(const services::CancelPreview& p, bool notify) {
  const auto& o = p.order.order;
  auto n = services::valid_ticket_ids(p.order).size();
  std::string msg = "Cancel order " + o.number + " (" + p.order.event.name + "): " +
                    plural(n, "valid ticket stops", "valid tickets stop") + " being valid and go back on sale.";
  if (p.method == "none") msg += "\nNothing is refunded.";
  else
    msg += "\nRefund " + money(p.refund_amount, o) + " to the customer's " + p.payment_method +
           (p.method == "provider" ? " through the payment provider." : " (recorded as a manual refund).");
  msg += notify ? "\nThe customer gets a cancellation e-mail." : "\nThe customer is not told.";
  return msg;
}

Tool preview_cancel() {
  Tool t;
  t.name = "preview_cancel";
  t.title = "Preview a cancellation";
  t.description =
      "What cancel_order would do, without doing it: the tickets that stop, the refund and its method, whether the "
      "customer is told; and a confirmation token (10 minutes, once) for cancel_order with the same arguments.";
  t.input_schema = object_schema(kCancelArgs, {"number", "notify_customer"});
  t.output_schema = {{"type", "object"},
                     {"properties", {{"refund_amount", {{"type", "integer"}}}, {"message", {{"type", "string"}}},
                                     {"confirmation_token", {{"type", "string"}}}}},
                     {"required", {"refund_amount", "message", "confirmation_token"}}};
  t.permission = Permission::edit_orders;
  t.run = [](ToolCall& call) {
    auto number = required_text(call.args, "number", 20);
    auto in = http::cancel_input_from(call.args, false);
    auto p = services::preview_cancel(call.ctx, call.who, number, in);
    json out = {{"number", p.order.order.number},
                {"version", p.order.order.version},
                {"tickets_cancelled", services::valid_ticket_ids(p.order).size()},
                {"refund_amount", p.refund_amount},
                {"currency", p.order.order.currency},
                {"refund_method", p.method},
                {"notify_customer", in.notify_customer},
                {"message", cancel_message(p, in.notify_customer)}};
    return merged(out, confirmation_json(call, p.order.order, "cancel", cancel_digest(in)));
  };
  return t;
}

Tool cancel_order() {
  Tool t;
  t.name = "cancel_order";
  t.title = "Cancel the order";
  t.description =
      "Cancels the order: every valid ticket stops being valid and a paid order is refunded first. Needs the "
      "person's confirmation: a confirmation_token from preview_cancel with the same arguments, or, when your "
      "client supports elicitation, the server asks the person itself.";
  json props = kCancelArgs;
  props["reason"] = {{"type", "string"}, {"maxLength", 500}};
  props["confirmation_token"] = kToken;
  t.input_schema = object_schema(props, {"number", "notify_customer"});
  t.output_schema = order_schema();
  t.read_only = false;
  t.destructive = true;
  t.idempotent = false;
  t.permission = Permission::edit_orders;
  t.run = [](ToolCall& call) {
    auto number = required_text(call.args, "number", 20);
    auto in = http::cancel_input_from(call.args, false);
    in.expected_version = confirm(call, number, "cancel", cancel_digest(in), "preview_cancel", [&] {
      auto p = services::preview_cancel(call.ctx, call.who, number, in);
      return Preview{p.order.order.version, cancel_message(p, in.notify_customer)};
    });
    services::cancel_order(call.ctx, call.who, number, in);
    return order_out(call, number);
  };
  return t;
}
}  // namespace

std::vector<Tool> action_tools() {
  return {update_contact(), add_note(),      get_personalisation(), update_personalisation(),
          send_personalisation_link(), resend_tickets(), preview_refund(), refund_order(),
          preview_cancel(), cancel_order(), check_in()};
}
}  // namespace bo::mcp
