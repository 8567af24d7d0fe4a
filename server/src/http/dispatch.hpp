#pragma once
// Runs one route for one request: body limit, authentication, CSRF, the handler, and errors.
#include "http/api.hpp"

namespace bo::http {
inline constexpr const char* kSessionCookie = "bo_session";
class RateLimiter;
Response dispatch(const Route& route, const Request& req, services::Context& ctx, RateLimiter& limiter);
std::string cookie_value(const std::string& cookie_header, std::string_view name);
// The Set-Cookie value of the session cookie (`value` empty and max_age 0 clear it).
std::string session_cookie(const Request& req, const std::string& value, int64_t max_age);
}  // namespace bo::http
