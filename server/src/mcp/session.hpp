#pragma once
// One MCP session (Model Context Protocol, JSON-RPC 2.0): the lifecycle (initialize, ping), the tools
// the caller's role may use, and tool calls through the same services as the HTTP API. Transports
// (stdio, Streamable HTTP) hand it one message at a time and send back what it returns.
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "mcp/tools.hpp"
#include "services/auth.hpp"
#include "services/context.hpp"

namespace bo::mcp {
using nlohmann::json;

inline constexpr const char* kLatestProtocolVersion = "2025-11-25";
bool supported_protocol_version(std::string_view v);

class Session {
 public:
  Session(services::Context& ctx, services::Principal who) : ctx_(ctx), who_(std::move(who)) {}
  // The answer to a request, or nothing for a notification or a response. `peer`: the way to ask the
  // client something during this message (elicitation), when the transport has one.
  std::optional<json> handle(const json& message, Peer* peer = nullptr);
  bool initialized() const { return initialized_; }
  bool client_elicits() const { return client_elicits_; }
  // The caller as of now (a transport authenticates every message: a revoked token stops at once).
  void set_principal(services::Principal who) { who_ = std::move(who); }

 private:
  services::Context& ctx_;
  services::Principal who_;
  bool initialized_ = false;
  bool client_elicits_ = false;  // the client declared form elicitation
};

// A JSON-RPC error answer; `id` may be absent when the request could not be read.
json error_response(const json* id, int code, const std::string& message);
}  // namespace bo::mcp
