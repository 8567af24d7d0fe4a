#include "http/dispatch.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>

#include "common/json_input.hpp"
#include "common/random.hpp"
#include "domain/contact.hpp"
#include "domain/languages.hpp"
#include "http/errors.hpp"
#include "http/query_string.hpp"
#include "http/rate_limiter.hpp"

namespace bo::http {
namespace {
bool unsafe(const std::string& method) { return method != "GET" && method != "HEAD" && method != "OPTIONS"; }

// Resolves the caller; throws Error for a wrong organisation, returns nullopt when not logged in.
std::optional<services::Principal> authenticate(const Request& req, services::Context& ctx, bool& via_cookie) {
  std::string slug = req.header("x-organisation");
  if (slug.empty() && req.method == "GET") slug = req.q("organisation").value_or("");  // plain download links
  auto auth = req.header("authorization");
  if (auth.rfind("Bearer ", 0) == 0) {
    via_cookie = false;
    return services::authenticate_token(ctx, auth.substr(7), slug);
  }
  auto token = cookie_value(req.header("cookie"), kSessionCookie);
  if (token.empty()) return std::nullopt;
  via_cookie = true;
  return services::authenticate_session(ctx, token, slug);
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

std::string Request::language() const {
  auto accepted = header("accept-language");
  for (size_t start = 0; start < accepted.size() && start < 512;) {
    auto end = std::min(accepted.find(',', start), accepted.size());
    auto tag = accepted.substr(start, end - start);
    tag = tag.substr(0, tag.find(';'));
    tag = domain::to_lower_ascii(domain::trim(tag));
    tag = tag.substr(0, tag.find('-'));
    if (domain::is_language(tag)) return tag;
    start = end + 1;
  }
  return "en";
}

json Call::body_json() const {
  if (req.body.empty()) throw Error("invalid_json", "A JSON body is required.");
  auto j = parse_json_input(req.body);
  if (!j)
    throw Error("invalid_json", "The body is not valid JSON, or nests deeper than " + std::to_string(kMaxJsonDepth) +
                                    " levels.");
  if (!j->is_object()) throw Error("invalid_json", "The body must be a JSON object.");
  return std::move(*j);
}

bool may_stream_body(const Route& route, const Request& req, services::Context& ctx) {
  try {
    store::ReadScope snapshot(ctx.db);
    bool via_cookie = false;
    auto p = authenticate(req, ctx, via_cookie);
    return p && services::allowed(*p, domain::Permission::import_orders);
  } catch (const std::exception&) {
    return false;
  }
}

Response dispatch(const Route& route, Request& req, services::Context& ctx, RateLimiter& limiter) {
  if (req.body_refused == "too-large" || req.body.size() > route.max_body)
    return error_response("payload_too_large",
                          "The request body is larger than " + std::to_string(route.max_body) + " bytes.");
  try {
    req.query = parse_query_string(req.raw_query);
    for (const auto& [name, value] : req.query)
      if (std::find(route.query.begin(), route.query.end(), name) == route.query.end() &&
          !(name == "organisation" && req.method == "GET"))
        return error_response("invalid_query", "This endpoint has no query parameter " + name.substr(0, 40) + ".");
  } catch (const Error& e) {
    return error_response(e);
  }
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
      call.principal = authenticate(req, ctx, via_cookie);
      if (!call.principal) {
        bool bearer = req.header("authorization").rfind("Bearer ", 0) == 0;
        auto r = error_response("unauthenticated", bearer ? "This API token is not valid or was revoked." : "Log in first.");
        r.headers.emplace_back("WWW-Authenticate", "Bearer realm=\"boxoffice\"");  // API clients and agents
        return r;
      }
      auto key = (call.principal->kind == services::Principal::Kind::user ? "u" : "t") + std::to_string(call.principal->id);
      if (!limiter.allow(key)) {
        auto r = error_response("rate_limited", "Too many requests. Slow down a little.");
        r.headers.emplace_back("Retry-After", "1");
        return r;
      }
      if (via_cookie && unsafe(req.method) &&
          !constant_time_equal(req.header("x-csrf-token"), call.principal->csrf_token))
        return error_response("csrf_failed", "The CSRF token is missing or wrong.");
      if (req.body_refused == "not-allowed") throw forbidden("Only an admin of the organisation can send this upload.");
    }
    return route.handler(call);
  } catch (const Error& e) {
    return error_response(e, req.language());
  } catch (const json::exception& e) {
    return error_response("bad_request", std::string("Malformed request: ") + e.what());
  } catch (const std::exception& e) {
    spdlog::error("{} {} failed: {}", req.method, req.path, e.what());
    return error_response("internal", "Something went wrong on our side. Nothing was changed.");
  }
}

}  // namespace bo::http
