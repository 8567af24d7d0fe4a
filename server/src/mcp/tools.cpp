#include "mcp/tools.hpp"

#include "common/error.hpp"
#include "http/wire.hpp"
#include "http/wire_reports.hpp"
#include "services/orders.hpp"
#include "services/reports.hpp"

namespace bo::mcp {
namespace {
using domain::Permission;

const json kText = {{"type", "string"}};

std::optional<std::string> text_arg(const json& args, const char* name, size_t max = 200) {
  if (!args.contains(name) || args[name].is_null()) return std::nullopt;
  if (!args[name].is_string()) throw validation_failed({{name, "Must be text."}});
  auto v = args[name].get<std::string>();
  if (v.size() > max) throw validation_failed({{name, "At most " + std::to_string(max) + " characters."}});
  return v;
}

std::optional<int64_t> int_arg(const json& args, const char* name, int64_t lo, int64_t hi) {
  if (!args.contains(name) || args[name].is_null()) return std::nullopt;
  if (!args[name].is_number_integer()) throw validation_failed({{name, "Must be a whole number."}});
  auto v = args[name].get<int64_t>();
  if (v < lo || v > hi)
    throw validation_failed({{name, "Must be between " + std::to_string(lo) + " and " + std::to_string(hi) + "."}});
  return v;
}

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
  t.run = [](services::Context& ctx, const services::Principal& p, const json& args) {
    domain::OrderFilter f;
    f.q = text_arg(args, "query").value_or("");
    if (auto s = text_arg(args, "status")) {
      f.status = domain::parse_state<domain::OrderStatus>(*s);
      if (!f.status) throw validation_failed({{"status", "Unknown status."}});
    }
    f.event_id = int_arg(args, "event_id", 1, INT64_MAX);
    f.limit = static_cast<int>(int_arg(args, "limit", 1, 50).value_or(20));
    json orders = json::array();
    for (const auto& item : services::list_orders(ctx, p, f)) orders.push_back(http::list_item_json(item));
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
  t.output_schema = {{"type", "object"},
                     {"properties",
                      {{"number", kText},
                       {"status", kText},
                       {"version", {{"type", "integer"}}},
                       {"tickets", {{"type", "array"}}},
                       {"actions", {{"type", "object"}}}}},
                     {"required", {"number", "status", "version", "tickets", "actions"}}};
  t.permission = Permission::read_orders;
  t.run = [](services::Context& ctx, const services::Principal& p, const json& args) {
    auto number = text_arg(args, "number", 20);
    if (!number) throw validation_failed({{"number", "Required."}});
    return json::parse(http::order_json(services::get_order(ctx, p, *number), p.organisation));
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
  t.run = [](services::Context& ctx, const services::Principal& p, const json& args) {
    services::PeriodInput period{text_arg(args, "from", 10), text_arg(args, "to", 10)};
    return http::revenue_json(services::revenue_report(ctx, p, period, text_arg(args, "group_by", 20).value_or("day")));
  };
  return t;
}
}  // namespace

const std::vector<Tool>& all_tools() {
  static const std::vector<Tool> tools{find_orders(), get_order(), revenue_summary()};
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
