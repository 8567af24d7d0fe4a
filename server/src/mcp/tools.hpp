#pragma once
// The agent's tools: each with its input and output schema, honest annotations, the permission it
// needs, and a function that calls one service and returns the tool's structured result.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "domain/permissions.hpp"
#include "services/auth.hpp"
#include "services/context.hpp"

namespace bo::mcp {
using nlohmann::json;

// The way back to the client during a call: sends it a request and waits for its answer.
class Peer {
 public:
  virtual ~Peer() = default;
  // The client's whole response message, or nullopt when none came (closed, cancelled, too late).
  virtual std::optional<json> ask(const std::string& method, const json& params) = 0;
};

struct ToolCall {
  services::Context& ctx;
  services::Principal& who;  // the caller; a confirmed action records how it was confirmed here
  const json& args;
  Peer* elicitation = nullptr;  // set when the client declared elicitation and can be asked now
};

struct Tool {
  std::string name, title, description;
  json input_schema, output_schema;
  bool read_only = true, destructive = false, idempotent = true;
  domain::Permission permission;
  std::function<json(ToolCall&)> run;
};

const std::vector<Tool>& all_tools();
// The tool of that name when the principal may use it; nullptr otherwise (unknown and forbidden alike).
const Tool* find_tool(const services::Principal& p, std::string_view name);
json tool_json(const Tool& t);

// Argument readers for the tools: Error validation_failed naming the argument.
std::optional<std::string> text_arg(const json& args, const char* name, size_t max = 200);
std::string required_text(const json& args, const char* name, size_t max = 200);
std::optional<int64_t> int_arg(const json& args, const char* name, int64_t lo, int64_t hi);
std::optional<bool> bool_arg(const json& args, const char* name);

json merged(json a, const json& b);  // a with b's keys added
// The output schema of the tools that answer the whole order.
json order_schema();

// Shared by the tools that change an order: the order number and confirmation token arguments, and an
// object schema without other properties.
extern const json kNumberArg, kConfirmationTokenArg;
json object_schema(json properties, std::vector<std::string> required);
// The tools that change an order (tools_actions.cpp) and that change its tickets (tools_changes.cpp).
std::vector<Tool> action_tools();
std::vector<Tool> change_tools();
}  // namespace bo::mcp
