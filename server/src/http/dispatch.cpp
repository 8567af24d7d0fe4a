#include "http/dispatch.hpp"

#include <spdlog/spdlog.h>

#include "common/random.hpp"
#include "http/errors.hpp"
#include "http/rate_limiter.hpp"

namespace bo::http {
namespace {
bool unsafe(const std::string& method) { return method != "GET" && method != "HEAD" && method != "OPTIONS"; }

// Resolves the caller; throws Error for a wrong organisation, returns nullopt when not logged in.
std::optional<services::Principal> authenticate(Call& call, bool& via_cookie) {
  auto& req = call.req;
  std::string slug = req.header("x-organisation");
  if (slug.empty() && req.method == "GET") slug = req.q("organisation").value_or("");  // plain download links
  auto conn = call.ctx.db.acquire();
  auto now = call.ctx.clock.now();
  auto auth = req.header("authorization");
  if (auth.rfind("Bearer ", 0) == 0) {
    via_cookie = false;
    return services::authenticate_token(*conn, auth.substr(7), slug, now);
  }
  auto token = cookie_value(req.header("cookie"), kSessionCookie);
  if (token.empty()) return std::nullopt;
  via_cookie = true;
  return services::authenticate_session(*conn, token, slug, now);
}
}  // namespace

std::string cookie_value(const std::string& header, std::string_view name) {
  size_t pos = 0;
  while (pos < header.size()) {
    while (pos < header.size() && (header[pos] == ' ' || header[pos] == ';')) ++pos;
    size_t end = header.find(';', pos);
    if (end == std::string::npos) end = header.size();
    std::string_view part(header.data() + pos, end - pos);
    if (part.size() > name.size() && part.substr(0, name.size()) == name && part[name.size()] == '=')
      return std::string(part.substr(name.size() + 1));
    pos = end + 1;
  }
  return "";
}

std::string session_cookie(const Request& req, const std::string& value, int64_t max_age) {
  bool secure = req.header("x-forwarded-proto") == "https";
  return std::string(kSessionCookie) + "=" + value + "; Path=/; HttpOnly; SameSite=Lax; Max-Age=" +
         std::to_string(max_age) + (secure ? "; Secure" : "");
}

json Call::body_json() const {
  if (req.body.empty()) throw bad_request("A JSON body is required.");
  json j = json::parse(req.body, nullptr, false);
  if (j.is_discarded()) throw bad_request("The body is not valid JSON.");
  if (!j.is_object()) throw bad_request("The body must be a JSON object.");
  return j;
}

Response dispatch(const Route& route, const Request& req, services::Context& ctx, RateLimiter& limiter) {
  if (req.body.size() > route.max_body)
    return error_response("payload_too_large",
                          "The request body is larger than " + std::to_string(route.max_body) + " bytes.");
  Call call{req, ctx, std::nullopt};
  if (!route.authenticated && !limiter.allow("ip" + req.remote)) {
    auto r = error_response("rate_limited", "Too many requests. Slow down a little.");
    r.headers.emplace_back("Retry-After", "1");
    return r;
  }
  try {
    std::optional<store::ReadScope> snapshot;  // reads see one state of the database
    if (!unsafe(req.method)) snapshot.emplace(ctx.db);
    if (route.authenticated) {
      bool via_cookie = false;
      call.principal = authenticate(call, via_cookie);
      if (!call.principal) return error_response("unauthenticated", "Log in first.");
      auto key = (call.principal->kind == services::Principal::Kind::user ? "u" : "t") + std::to_string(call.principal->id);
      if (!limiter.allow(key)) {
        auto r = error_response("rate_limited", "Too many requests. Slow down a little.");
        r.headers.emplace_back("Retry-After", "1");
        return r;
      }
      if (via_cookie && unsafe(req.method) &&
          !constant_time_equal(req.header("x-csrf-token"), call.principal->csrf_token))
        return error_response("csrf_failed", "The CSRF token is missing or wrong.");
    }
    return route.handler(call);
  } catch (const Error& e) {
    return error_response(e);
  } catch (const json::exception& e) {
    return error_response("bad_request", std::string("Malformed request: ") + e.what());
  } catch (const std::exception& e) {
    spdlog::error("{} {} failed: {}", req.method, req.path, e.what());
    return error_response("internal", "Something went wrong on our side. Nothing was changed.");
  }
}

}  // namespace bo::http
