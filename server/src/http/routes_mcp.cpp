// The agent interface over Streamable HTTP (MCP): POST /mcp carries one JSON-RPC message. A request is
// answered with JSON, or, for a tool call of a client that declared elicitation, with an event stream
// on which the server may first ask the person and then answers; the client's answer comes back as a
// POST. Only API tokens (Bearer) are taken; the token is checked at every request, as for the API.
#include <memory>

#include "common/json_input.hpp"
#include "http/api.hpp"
#include "http/errors.hpp"
#include "mcp/http_sessions.hpp"

namespace bo::http {
namespace {
constexpr size_t kMessageLimit = 1 << 20;
constexpr auto kAnswerTimeLimit = std::chrono::minutes(10);  // for the person to answer an elicitation
constexpr int kParseError = -32700, kInvalidRequest = -32600;

Response rpc_error(int status, int code, const std::string& message, const json* id = nullptr) {
  return Response::json_body(mcp::error_response(id, code, message), status);
}

std::string lower(std::string s) {
  for (auto& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return s;
}

// "tickets.example.org:8443" of "https://tickets.example.org:8443/path".
std::string host_of(const std::string& url) {
  auto start = url.find("://");
  start = start == std::string::npos ? 0 : start + 3;
  return lower(url.substr(start, url.find('/', start) - start));
}

// "https://tickets.example.org:8443" of the same.
std::string origin_of(const std::string& url) {
  auto scheme = url.find("://");
  return scheme == std::string::npos ? lower(url) : lower(url.substr(0, scheme + 3)) + host_of(url);
}

// localhost, 127.0.0.1 or [::1], with any port.
bool loopback(const std::string& host) {
  auto colon = host.rfind(':');
  auto name = colon == std::string::npos || host.back() == ']' ? host : host.substr(0, colon);
  return name == "localhost" || name == "127.0.0.1" || name == "[::1]";
}

// What every message must pass before it is read: an API token, a protocol version we speak, and the
// defence against DNS rebinding (a web page of another site reaching this server through a visitor's
// browser): the Host must be --public-url's or a loopback name, and an Origin, when sent, --public-url's
// (or a loopback one when the server is reached on loopback).
std::optional<Response> refusal(Call& call) {
  const auto& public_url = call.ctx.settings.public_url;
  auto host = lower(call.req.header("host"));
  auto origin = call.req.header("origin");
  bool host_ok = host == host_of(public_url) || loopback(host);
  bool origin_ok = origin.empty() || origin_of(origin) == origin_of(public_url) ||
                   (loopback(host_of(origin)) && loopback(host));
  if (!host_ok || !origin_ok)
    return error_response("forbidden", "Requests from this Host or Origin may not use the agent interface.", 403);
  if (call.who().kind != services::Principal::Kind::token)
    return error_response("forbidden", "The agent interface takes an API token (Authorization: Bearer).", 403);
  auto version = call.req.header("mcp-protocol-version");
  if (!version.empty() && !mcp::supported_protocol_version(version))
    return rpc_error(400, kInvalidRequest, "Unsupported MCP-Protocol-Version: " + version.substr(0, 40) + ".");
  return std::nullopt;
}

std::string caller_of(const services::Principal& p) { return "t" + std::to_string(p.id); }

Response accepted() {
  Response r;
  r.status = 202;
  r.content_type.clear();
  return r;
}

// The session's answer, or 202 for what needs none (a message whose id is not a string or number).
Response reply(const std::optional<json>& answer) { return answer ? Response::json_body(*answer) : accepted(); }

class StreamPeer : public mcp::Peer {
 public:
  StreamPeer(mcp::HttpSessions& sessions, std::string session_id, EventStream& out)
      : sessions_(sessions), session_id_(std::move(session_id)), out_(out) {}
  std::optional<json> ask(const std::string& method, const json& params) override {
    return sessions_.ask(
        session_id_, method, params, [this](const json& m) { out_.write("event: message\ndata: " + m.dump() + "\n\n"); },
        [this] { out_.write(": waiting for the person\n\n"); }, kAnswerTimeLimit);
  }

 private:
  mcp::HttpSessions& sessions_;
  std::string session_id_;
  EventStream& out_;
};

Response post(Call& call, const std::shared_ptr<mcp::HttpSessions>& sessions) {
  if (auto r = refusal(call)) return *r;
  auto message = parse_json_input(call.req.body);
  if (!message) return rpc_error(400, kParseError, "The body is not JSON, or nests too deeply.");
  if (message->is_array()) return rpc_error(400, kInvalidRequest, "Send one message per request; batches are not supported.");
  if (!message->is_object()) return rpc_error(400, kInvalidRequest, "Not a JSON-RPC 2.0 message.");
  const auto now = call.ctx.clock.now();
  const auto caller = caller_of(call.who());
  const bool is_request = message->contains("method") && message->contains("id");

  if (is_request && (*message)["method"] == "initialize") {
    mcp::Session session(call.ctx, call.who());
    auto r = reply(session.handle(*message));
    if (!session.initialized()) return r;
    auto id = sessions->open(caller, session, now);
    if (!id) return error_response("busy", "Too many agent sessions are open. Try again later.");
    r.headers.emplace_back("Mcp-Session-Id", *id);
    return r;
  }
  auto session_id = call.req.header("mcp-session-id");
  if (session_id.empty())
    return rpc_error(400, kInvalidRequest, "Send the Mcp-Session-Id from initialize; or initialize first.");
  auto session = sessions->find(session_id, caller, now);
  if (!session) return rpc_error(404, kInvalidRequest, "This session ended or is unknown. Initialize again.");
  session->set_principal(call.who());

  if (!is_request) {  // a notification, or the client's answer to our request
    if (!message->contains("method")) sessions->answer(session_id, *message);
    return accepted();
  }
  if ((*message)["method"] == "tools/call" && session->client_elicits() && sessions->reserve_waiting_call()) {
    Response r;
    r.stream = [sessions, session = *session, session_id, message = *message](EventStream& out) mutable {
      StreamPeer peer(*sessions, session_id, out);
      auto answer = session.handle(message, &peer);
      sessions->release_waiting_call();
      if (answer) out.write("event: message\ndata: " + answer->dump() + "\n\n");
    };
    return r;
  }
  // Without a free place to wait, an action that needs the person's yes answers confirmation_required.
  return reply(session->handle(*message));
}
}  // namespace

void add_mcp_routes(Routes& r) {
  auto sessions = std::make_shared<mcp::HttpSessions>();
  r.add("POST", "/mcp", [sessions](Call& call) { return post(call, sessions); }, true, kMessageLimit);
  r.add("DELETE", "/mcp", [sessions](Call& call) {
    if (auto refused = refusal(call)) return *refused;
    if (!sessions->close(call.req.header("mcp-session-id"), caller_of(call.who())))
      return rpc_error(404, kInvalidRequest, "This session ended or is unknown.");
    return Response::no_content();
  });
  r.add("GET", "/mcp", [](Call&) {
    auto res = error_response("method_not_allowed", "This server sends messages only in answer to a POST.", 405);
    res.headers.emplace_back("Allow", "POST, DELETE");
    return res;
  });
}

}  // namespace bo::http
