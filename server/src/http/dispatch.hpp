#pragma once
// Runs one route for one request: body limit, query string, authentication, CSRF, the handler, and errors.
#include "http/api.hpp"

namespace bo::http {
inline constexpr const char* kSessionCookie = "bo_session";
class RateLimiter;
Response dispatch(const Route& route, Request& req, services::Context& ctx, RateLimiter& limiter);
// Whether the caller named in `req`'s headers may send `route` a streamed body (an admin of the organisation).
bool may_stream_body(const Route& route, const Request& req, services::Context& ctx);
std::string cookie_value(const std::string& cookie_header, std::string_view name);
// The Set-Cookie value of the session cookie (`value` empty and max_age 0 clear it).
std::string session_cookie(const Request& req, const std::string& value, int64_t max_age);
}  // namespace bo::http
