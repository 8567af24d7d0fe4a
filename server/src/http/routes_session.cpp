// Log-in, log-out and "who am I".
#include "common/error.hpp"
#include "http/api.hpp"
#include "http/dispatch.hpp"
#include "http/wire.hpp"

namespace bo::http {
void add_session_routes(Routes& r) {
  r.add("POST", "/api/v1/session", [](Call& call) {
    auto body = call.body_json();
    std::map<std::string, std::string> missing;
    for (const char* f : {"email", "password"})
      if (!body.contains(f) || !body[f].is_string() || body[f].get<std::string>().empty()) missing[f] = "Required.";
    if (!missing.empty()) throw validation_failed(missing);
    auto result =
        services::login(call.ctx, body["email"].get<std::string>(), body["password"].get<std::string>(), call.req.remote);
    auto res = Response::json_body(me_json(result.principal));
    res.headers.emplace_back("Set-Cookie",
                             session_cookie(call.req, result.session_token, services::kSessionAbsoluteSeconds));
    res.headers.emplace_back("Cache-Control", "no-store");
    return res;
  }, false, 16 * 1024);

  r.add("DELETE", "/api/v1/session", [](Call& call) {
    services::logout(call.ctx, call.who());
    auto res = Response::no_content();
    res.headers.emplace_back("Set-Cookie", session_cookie(call.req, "", 0));
    return res;
  });

  r.add("GET", "/api/v1/me", [](Call& call) {
    auto res = Response::json_body(me_json(call.who()));
    res.headers.emplace_back("Cache-Control", "no-store");
    return res;
  });
}
}  // namespace bo::http
