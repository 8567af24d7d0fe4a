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
  std::string method, path, remote;
  std::map<std::string, std::string> query;
  std::map<std::string, std::string> params;       // from the route pattern
  std::map<std::string, std::string> headers;      // names lower-cased
  std::string body;
  std::string header(const std::string& lower_name) const {
    auto it = headers.find(lower_name);
    return it == headers.end() ? std::string() : it->second;
  }
  std::optional<std::string> q(const std::string& name) const {
    auto it = query.find(name);
    if (it == query.end() || it->second.empty()) return std::nullopt;
    return it->second;
  }
};

struct Response {
  int status = 200;
  std::string body;
  std::string content_type = "application/json";
  std::vector<std::pair<std::string, std::string>> headers;
  std::string file;  // when set, the body is this file (static assets)

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

struct Route {
  std::string method, pattern;
  Handler handler;
  bool authenticated = true;
  size_t max_body = 1024 * 1024;
};

class Routes {
 public:
  void add(std::string method, std::string pattern, Handler h, bool authenticated = true,
           size_t max_body = 1024 * 1024) {
    list.push_back(Route{std::move(method), std::move(pattern), std::move(h), authenticated, max_body});
  }
  std::vector<Route> list;
};

// Every route group registers itself here (one function per file under http/).
void add_session_routes(Routes& r);
void add_order_routes(Routes& r);
void add_system_routes(Routes& r);
void add_action_routes(Routes& r);
void add_public_routes(Routes& r);
void add_event_routes(Routes& r);
void add_organisation_routes(Routes& r);
void add_user_routes(Routes& r);
void add_invitation_routes(Routes& r);
void add_token_routes(Routes& r);
void add_audit_routes(Routes& r);
void add_report_routes(Routes& r);
// `max_file_bytes`: the largest import file (the body limit of the upload route).
void add_import_routes(Routes& r, int64_t max_file_bytes);

}  // namespace bo::http
