#include "mcp/session.hpp"

#include <spdlog/spdlog.h>

#include "common/error.hpp"
#include "mcp/tools.hpp"

namespace bo::mcp {
namespace {
constexpr int kInvalidRequest = -32600, kMethodNotFound = -32601, kInvalidParams = -32602, kInternal = -32603;

json result(const json& id, json r) { return {{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(r)}}; }

// A refused call: isError with the error (code, message, fields) as JSON text. Structured content is for
// the tool's output schema, which describes success.
json tool_error(const Error& e) {
  json err = {{"code", e.code}, {"message", e.what()}};
  if (!e.fields.empty()) err["fields"] = e.fields;
  return {{"content", {{{"type", "text"}, {"text", json{{"error", err}}.dump()}}}}, {"isError", true}};
}
}  // namespace

bool supported_protocol_version(std::string_view v) {
  return v == "2025-11-25" || v == "2025-06-18" || v == "2025-03-26";
}

json error_response(const json* id, int code, const std::string& message) {
  json out = {{"jsonrpc", "2.0"}, {"error", {{"code", code}, {"message", message}}}};
  if (id) out["id"] = *id;  // a client rejects "id": null, so an unknown id is left out
  return out;
}

std::optional<json> Session::handle(const json& message, Peer* peer) {
  const json* id = message.is_object() && message.contains("id") &&
                           (message["id"].is_string() || message["id"].is_number_integer())
                       ? &message["id"]
                       : nullptr;
  if (!message.is_object() || message.value("jsonrpc", "") != "2.0")
    return error_response(id, kInvalidRequest, "Not a JSON-RPC 2.0 message.");
  if (!message.contains("method") || !message["method"].is_string()) {
    if (message.contains("result") || message.contains("error")) return std::nullopt;  // a response to us
    return error_response(id, kInvalidRequest, "A request needs a method.");
  }
  const std::string method = message["method"];
  if (!id) return std::nullopt;  // notifications: initialized, cancelled
  const json params = message.contains("params") && message["params"].is_object() ? message["params"] : json::object();

  if (method == "ping") return result(*id, json::object());
  if (method == "initialize") {
    std::string asked = params.contains("protocolVersion") && params["protocolVersion"].is_string()
                            ? params["protocolVersion"].get<std::string>()
                            : "";
    const json* caps = params.contains("capabilities") && params["capabilities"].is_object() ? &params["capabilities"] : nullptr;
    const json* elicit = caps && caps->contains("elicitation") ? &(*caps)["elicitation"] : nullptr;
    // An empty elicitation object means form mode (the specification's default).
    client_elicits_ = elicit && elicit->is_object() && (elicit->empty() || elicit->contains("form"));
    initialized_ = true;
    return result(*id, {{"protocolVersion", supported_protocol_version(asked) ? asked : kLatestProtocolVersion},
                        {"capabilities", {{"tools", {{"listChanged", false}}}}},
                        {"serverInfo", {{"name", "boxoffice"}, {"title", "Boxoffice"}, {"version", "1.0"}}},
                        {"instructions",
                         "Boxoffice is the backoffice of " + who_.organisation.name +
                             ". Find an order before acting on it; an action the order's rules do not allow "
                             "answers with the reason to tell the person."}});
  }
  if (!initialized_) return error_response(id, kInvalidRequest, "Initialize the session first.");
  if (method == "tools/list") {
    json tools = json::array();
    for (const auto& t : all_tools())
      if (services::allowed(who_, t.permission)) tools.push_back(tool_json(t));
    return result(*id, {{"tools", tools}});
  }
  if (method == "tools/call") {
    const Tool* tool = params.contains("name") && params["name"].is_string()
                           ? find_tool(who_, params["name"].get<std::string>())
                           : nullptr;
    if (!tool) return error_response(id, kInvalidParams, "Unknown tool.");
    json args = params.contains("arguments") ? params["arguments"] : json::object();
    if (!args.is_object()) return error_response(id, kInvalidParams, "The arguments must be an object.");
    services::Principal who = who_;
    who.via = "agent";
    ToolCall call{ctx_, who, args, client_elicits_ ? peer : nullptr};
    try {
      json out = tool->run(call);
      return result(*id, {{"content", {{{"type", "text"}, {"text", out.dump()}}}}, {"structuredContent", out}});
    } catch (const Error& e) {
      return result(*id, tool_error(e));
    } catch (const std::exception& e) {
      spdlog::error("mcp tool {} failed: {}", tool->name, e.what());
      return error_response(id, kInternal, "Something went wrong on our side. Nothing was changed.");
    }
  }
  return error_response(id, kMethodNotFound, "Unknown method: " + method.substr(0, 60));
}
}  // namespace bo::mcp
