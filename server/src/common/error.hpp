#pragma once
// The one error type of the domain and services: a stable code, a human message, and for
// validation errors the message per field. The HTTP layer maps codes to statuses in one table.
#include <cstdint>
#include <map>
#include <stdexcept>
#include <string>

namespace bo {
struct Error : std::runtime_error {
  std::string code;
  std::map<std::string, std::string> fields;  // validation_failed: field → message
  Error(std::string code, const std::string& message, std::map<std::string, std::string> fields = {})
      : std::runtime_error(message), code(std::move(code)), fields(std::move(fields)) {}
};

// rate_limited, with the seconds after which the same request may succeed (the Retry-After header).
struct RateLimited : Error {
  int64_t retry_after;
  RateLimited(int64_t seconds, const std::string& message) : Error("rate_limited", message), retry_after(seconds) {}
};

inline Error not_found(const std::string& what = "order") { return Error("not_found", "No such " + what + "."); }
inline Error forbidden(const std::string& msg = "Your role does not allow this.") { return Error("forbidden", msg); }
inline Error order_changed() {
  return Error("order_changed", "This order changed since you loaded it. Review it again.");
}
inline Error validation_failed(std::map<std::string, std::string> fields) {
  return Error("validation_failed", "Some fields are not valid.", std::move(fields));
}
inline Error bad_request(const std::string& msg) { return Error("bad_request", msg); }
}  // namespace bo
