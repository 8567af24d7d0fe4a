#include "http/errors.hpp"

#include <algorithm>
#include <unordered_map>

namespace bo::http {

int status_for(const std::string& code) {
  static const std::unordered_map<std::string, int> statuses{
      {"bad_request", 400},        {"invalid_json", 400},    {"invalid_query", 400},
      {"unauthenticated", 401},    {"invalid_credentials", 401},
      {"forbidden", 403},          {"csrf_failed", 403},     {"not_found", 404},
      {"method_not_allowed", 405}, {"payload_too_large", 413}, {"unsupported_media_type", 415},
      {"validation_failed", 422},  {"rate_limited", 429},    {"internal", 500},
      {"provider_unavailable", 502}, {"busy", 503},
      {"invitation_used", 410},    {"invitation_revoked", 410}, {"invitation_expired", 410},
      {"invitation_other_account", 403},
  };
  auto it = statuses.find(code);
  return it == statuses.end() ? 409 : it->second;  // every rule or conflict code
}

Response error_response(const std::string& code, const std::string& message, int status) {
  json j{{"error", {{"code", code}, {"message", message}, {"details", json::object()}}}};
  return Response::json_body(j, status ? status : status_for(code));
}

Response error_response(const Error& e) {
  json details = json::object();
  if (!e.fields.empty()) details["fields"] = e.fields;
  int status = status_for(e.code);
  if (status == 409) details["reason"] = e.code;
  json j{{"error", {{"code", e.code}, {"message", e.what()}, {"details", details}}}};
  auto r = Response::json_body(j, status);
  if (status == 429) {
    auto* limited = dynamic_cast<const RateLimited*>(&e);
    r.headers.emplace_back("Retry-After", std::to_string(limited ? std::max<int64_t>(limited->retry_after, 1) : 60));
  }
  return r;
}

}  // namespace bo::http
