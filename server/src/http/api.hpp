#pragma once
// The HTTP boundary as plain data: handlers receive a Call and return a Response; they parse,
// call one service and shape JSON. RESTinio stays inside http/server.cpp.
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "services/auth.hpp"
#include "services/context.hpp"

namespace bo::http {

using nlohmann::json;

struct Request {
  std::string method, path;
  std::string remote;       // the client's address (see http/client_address.hpp)
  std::string peer;         // the socket's peer: the client or a trusted proxy
  bool via_proxy = false;   // the peer is a trusted proxy
  std::map<std::string, std::string> query;
  std::map<std::string, std::string> params;       // from the route pattern
  std::map<std::string, std::string> headers;      // names lower-cased
  std::string raw_query;  // dispatch reads it into `query`
  std::string body;
  std::string body_file;     // routes that stream their body: a temporary file the handler consumes
  std::string body_refused;  // "too-large" or "not-allowed": the body was not read
  std::string header(const std::string& lower_name) const {
    auto it = headers.find(lower_name);
    return it == headers.end() ? std::string() : it->second;
  }
  // The first language of Accept-Language that Boxoffice speaks (domain/languages.hpp); "en" otherwise.
  std::string language() const;
  std::optional<std::string> q(const std::string& name) const {
    auto it = query.find(name);
    if (it == query.end() || it->second.empty()) return std::nullopt;
    return it->second;
  }
};

// A text/event-stream answer being written: `write` sends SSE text (events, comments) at once.
class EventStream {
 public:
  virtual ~EventStream() = default;
  virtual void write(std::string text) = 0;
};

struct Response {
  int status = 200;
  std::string body;
  std::string content_type = "application/json";
  std::vector<std::pair<std::string, std::string>> headers;
  std::string file;  // when set, the body is this file (static assets)
  // When set, the answer is an event stream (status and headers first) that this writes, on a thread
  // of its own; the route bounds how many run at once.
  std::function<void(EventStream&)> stream;

  static Response json_body(const json& j, int status = 200) {
    Response r;
    r.status = status;
    r.body = j.dump(-1, ' ', false, json::error_handler_t::replace);
    return r;
  }
  static Response json_text(std::string text, int status = 200) {
    Response r;
    r.status = status;
    r.body = std::move(text);
    return r;
  }
  static Response no_content() {
    Response r;
    r.status = 204;
    r.content_type.clear();
    return r;
  }
};

struct Call {
  const Request& req;
  services::Context& ctx;
  std::optional<services::Principal> principal;  // set for authenticated routes
  const services::Principal& who() const { return *principal; }
  json body_json() const;  // throws Error bad_request when malformed or not an object
};

using Handler = std::function<Response(Call&)>;

inline constexpr size_t kJsonBodyLimit = 64 * 1024;  // the body limit of a route that names none

struct Route {
  std::string method, pattern;
  Handler handler;
  bool authenticated = true;
  size_t max_body = kJsonBodyLimit;  // larger bodies are refused (413) before they are read
  bool streams_body = false;         // the body goes to a temporary file (Request::body_file), admins only
  std::vector<std::string> query;    // the query parameters the route reads; any other is refused (400)
  // Declares the query parameters the route reads.
  Route& accepts(std::initializer_list<const char*> names) {
    query.assign(names.begin(), names.end());
    return *this;
  }
};

class Routes {
 public:
  Route& add(std::string method, std::string pattern, Handler h, bool authenticated = true,
             size_t max_body = kJsonBodyLimit) {
    Route route;
    route.method = std::move(method);
    route.pattern = std::move(pattern);
    route.handler = std::move(h);
    route.authenticated = authenticated;
    route.max_body = max_body;
    return list.emplace_back(std::move(route));
  }
  std::vector<Route> list;
};

// Every route of the API, as `serve` answers them (background workers add their own).
void add_api_routes(Routes& r, int64_t max_import_bytes, const std::string& metrics_token = {});

// Every route group registers itself here (one function per file under http/).
void add_session_routes(Routes& r);
void add_order_routes(Routes& r);
// `metrics_token` empty: /metrics answers only a loopback peer that is not a trusted proxy.
void add_system_routes(Routes& r, std::string metrics_token = {});
void add_action_routes(Routes& r);
void add_change_routes(Routes& r);
void add_public_routes(Routes& r);
void add_event_routes(Routes& r);
void add_organisation_routes(Routes& r);
void add_user_routes(Routes& r);
void add_invitation_routes(Routes& r);
void add_token_routes(Routes& r);
void add_audit_routes(Routes& r);
void add_report_routes(Routes& r);
void add_mcp_routes(Routes& r);  // the agent interface over Streamable HTTP
// `max_file_bytes`: the largest import file (the body limit of the upload route).
void add_import_routes(Routes& r, int64_t max_file_bytes);

}  // namespace bo::http
