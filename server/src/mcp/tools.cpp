#include "mcp/tools.hpp"

#include "common/error.hpp"
#include "http/wire.hpp"
#include "mcp/confirm.hpp"
#include "http/wire_reports.hpp"
#include "services/orders.hpp"
#include "services/reports.hpp"

namespace bo::mcp {

std::optional<std::string> text_arg(const json& args, const char* name, size_t max) {
  if (!args.contains(name) || args[name].is_null()) return std::nullopt;
  if (!args[name].is_string()) throw validation_failed({{name, "Must be text."}});
  auto v = args[name].get<std::string>();
  if (v.size() > max) throw validation_failed({{name, "At most " + std::to_string(max) + " characters."}});
  return v;
}

std::string required_text(const json& args, const char* name, size_t max) {
  auto v = text_arg(args, name, max);
  if (!v || v->empty()) throw validation_failed({{name, "Required."}});
  return *v;
}

std::optional<int64_t> int_arg(const json& args, const char* name, int64_t lo, int64_t hi) {
  if (!args.contains(name) || args[name].is_null()) return std::nullopt;
  if (!args[name].is_number_integer()) throw validation_failed({{name, "Must be a whole number."}});
  auto v = args[name].get<int64_t>();
  if (v < lo || v > hi)
    throw validation_failed({{name, "Must be between " + std::to_string(lo) + " and " + std::to_string(hi) + "."}});
  return v;
}

std::optional<bool> bool_arg(const json& args, const char* name) {
  if (!args.contains(name) || args[name].is_null()) return std::nullopt;
  if (!args[name].is_boolean()) throw validation_failed({{name, "Must be true or false."}});
  return args[name].get<bool>();
}

json merged(json a, const json& b) {
  a.update(b);
  return a;
}

json order_schema() {
  return {{"type", "object"},
          {"properties",
           {{"number", {{"type", "string"}}},
            {"status", {{"type", "string"}}},
            {"version", {{"type", "integer"}}},
            {"tickets", {{"type", "array"}}},
            {"actions", {{"type", "object"}}}}},
          {"required", {"number", "status", "version", "tickets", "actions"}}};
}

namespace {
using domain::Permission;

const json kText = {{"type", "string"}};

json status_names() {
  json names = json::array();
  for (auto s : domain::state_names<domain::OrderStatus>) names.push_back(std::string(s));
  return names;
}

Tool find_orders() {
  Tool t;
  t.name = "find_orders";
  t.title = "Find orders";
  t.description =
      "Finds orders of the organisation by order number, e-mail, name, phone number, ticket barcode or "
      "external reference, optionally only those of one status or event. Newest first, compact rows.";
  t.input_schema = {{"type", "object"},
                    {"properties",
                     {{"query", {{"type", "string"}, {"maxLength", 200}, {"description", "What to look for."}}},
                      {"status", {{"type", "string"}, {"enum", status_names()}}},
                      {"event_id", {{"type", "integer"}}},
                      {"limit", {{"type", "integer"}, {"minimum", 1}, {"maximum", 50}, {"default", 20}}}}},
                    {"additionalProperties", false}};
  t.output_schema = {
      {"type", "object"},
      {"properties",
       {{"orders",
         {{"type", "array"},
          {"items",
           {{"type", "object"},
            {"properties", {{"number", kText}, {"status", kText}, {"contact_name", kText}, {"event_name", kText}}},
            {"required", {"number", "status"}}}}}}}},
      {"required", {"orders"}}};
  t.permission = Permission::read_orders;
  t.run = [](ToolCall& call) {
    const auto& args = call.args;
    domain::OrderFilter f;
    f.q = text_arg(args, "query").value_or("");
    if (auto s = text_arg(args, "status")) {
      f.status = domain::parse_state<domain::OrderStatus>(*s);
      if (!f.status) throw validation_failed({{"status", "Unknown status."}});
    }
    f.event_id = int_arg(args, "event_id", 1, INT64_MAX);
    f.limit = static_cast<int>(int_arg(args, "limit", 1, 50).value_or(20));
    json orders = json::array();
    for (const auto& item : services::list_orders(call.ctx, call.who, f)) orders.push_back(http::list_item_json(item));
    return json{{"orders", orders}};
  };
  return t;
}

Tool get_order() {
  Tool t;
  t.name = "get_order";
  t.title = "Get an order";
  t.description =
      "The whole order: header, contact, tickets and totals, payments and refunds, and every action of the "
      "order's menu with whether it is enabled and, when not, the reason code and message to tell the person.";
  t.input_schema = {{"type", "object"},
                    {"properties", {{"number", {{"type", "string"}, {"minLength", 1}, {"maxLength", 20}}}}},
                    {"required", {"number"}},
                    {"additionalProperties", false}};
  t.output_schema = order_schema();
  t.output_schema["properties"]["resend_confirmation"] = {
      {"type", "object"},
      {"description", "When resend is enabled: the address the person confirms, and a token for resend_tickets."}};
  t.permission = Permission::read_orders;
  t.run = [](ToolCall& call) {
    auto view = services::get_order(call.ctx, call.who, required_text(call.args, "number", 20));
    auto out = json::parse(http::order_json(view, call.who.organisation));
    // The address is what the person confirms before a resend; the token carries that yes to resend_tickets.
    if (view.actions.resend.enabled && view.order.order.contact.email)
      out["resend_confirmation"] =
          merged({{"email", *view.order.order.contact.email}},
                 confirmation_json(call, view.order.order, "resend", resend_digest(*view.order.order.contact.email)));
    return out;
  };
  return t;
}

Tool revenue_summary() {
  Tool t;
  t.name = "revenue_summary";
  t.title = "Revenue summary";
  t.description =
      "Gross, refunds, fees and net revenue with ticket counts for a period (dates YYYY-MM-DD in the "
      "organisation's time zone; the last 30 days by default), grouped by day, event, ticket type or payment "
      "method.";
  json date = {{"type", "string"}, {"pattern", "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}};
  t.input_schema = {{"type", "object"},
                    {"properties",
                     {{"from", date},
                      {"to", date},
                      {"group_by", {{"type", "string"}, {"enum", {"day", "event", "ticket_type", "payment_method"}}}}}},
                    {"additionalProperties", false}};
  t.output_schema = {{"type", "object"}, {"properties", {{"totals", {{"type", "object"}}}}}, {"required", {"totals"}}};
  t.permission = Permission::read_reports;
  t.run = [](ToolCall& call) {
    const auto& args = call.args;
    services::PeriodInput period{text_arg(args, "from", 10), text_arg(args, "to", 10)};
    return http::revenue_json(
        services::revenue_report(call.ctx, call.who, period, text_arg(args, "group_by", 20).value_or("day")));
  };
  return t;
}
}  // namespace

const std::vector<Tool>& all_tools() {
  static const std::vector<Tool> tools = [] {
    std::vector<Tool> all{find_orders(), get_order(), revenue_summary()};
    for (auto& t : action_tools()) all.push_back(std::move(t));
    for (auto& t : change_tools()) all.push_back(std::move(t));
    return all;
  }();
  return tools;
}

const Tool* find_tool(const services::Principal& p, std::string_view name) {
  for (const auto& t : all_tools())
    if (t.name == name) return services::allowed(p, t.permission) ? &t : nullptr;
  return nullptr;
}

json tool_json(const Tool& t) {
  return {{"name", t.name},
          {"title", t.title},
          {"description", t.description},
          {"inputSchema", t.input_schema},
          {"outputSchema", t.output_schema},
          {"annotations",
           {{"title", t.title},
            {"readOnlyHint", t.read_only},
            {"destructiveHint", t.destructive},
            {"idempotentHint", t.idempotent},
            {"openWorldHint", false}}}};
}
}  // namespace bo::mcp
