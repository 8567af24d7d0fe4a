#pragma once
// The agent's tools: each with its input and output schema, honest annotations, the permission it
// needs, and a function that calls one service and returns the tool's structured result.
#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "domain/permissions.hpp"
#include "services/auth.hpp"
#include "services/context.hpp"

namespace bo::mcp {
using nlohmann::json;

struct Tool {
  std::string name, title, description;
  json input_schema, output_schema;
  bool read_only = true, destructive = false, idempotent = true;
  domain::Permission permission;
  std::function<json(services::Context&, const services::Principal&, const json& arguments)> run;
};

const std::vector<Tool>& all_tools();
// The tool of that name when the principal may use it; nullptr otherwise (unknown and forbidden alike).
const Tool* find_tool(const services::Principal& p, std::string_view name);
json tool_json(const Tool& t);
}  // namespace bo::mcp
