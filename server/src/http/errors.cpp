#include "http/errors.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <unordered_map>

#include "domain/actions.hpp"

namespace bo::http {

std::optional<int> known_status(std::string_view code) {
  static const std::unordered_map<std::string_view, int> statuses{
      {"bad_request", 400},        {"invalid_json", 400},    {"invalid_query", 400},
      {"unauthenticated", 401},    {"invalid_credentials", 401},
      {"forbidden", 403},          {"csrf_failed", 403},     {"not_found", 404},
      {"method_not_allowed", 405}, {"payload_too_large", 413}, {"unsupported_media_type", 415},
      {"validation_failed", 422},  {"rate_limited", 429},    {"internal", 500},
      {"provider_unavailable", 502}, {"busy", 503},
      {"invitation_used", 410},    {"invitation_revoked", 410}, {"invitation_expired", 410},
      {"invitation_other_account", 403},
      // Rules and conflicts: the state of the order or the organisation forbids the action now.
      {"not_paid", 409}, {"order_cancelled", 409}, {"no_valid_tickets", 409}, {"no_email", 409},
      {"personalisation_not_required", 409}, {"already_refunded", 409}, {"nothing_to_refund", 409},
      {"payment_method_not_refundable", 409}, {"refund_deadline_passed", 409}, {"already_cancelled", 409},
      {"refund_in_progress", 409}, {"tickets_checked_in", 409}, {"event_ended", 409},
      {"order_changed", 409}, {"catalog_changed", 409}, {"email_mismatch", 409}, {"exceeds_refundable", 409},
      {"ticket_not_refundable", 409}, {"partial_refund_not_allowed", 409}, {"idempotency_key_reused", 409},
      {"refund_failed", 409}, {"provider_not_configured", 409}, {"currency_locked", 409},
      {"event_has_orders", 409}, {"ticket_type_has_tickets", 409}, {"last_admin", 409}, {"already_member", 409},
      {"import_in_progress", 409}, {"import_not_ready", 409}, {"log_in_first", 409},
      {"too_many_events", 409}, {"too_many_ticket_types", 409}, {"too_many_users", 409},
      {"too_many_tokens", 409}, {"too_many_invitations", 409},
      // Order changes.
      {"ticket_checked_in", 409}, {"ticket_not_valid", 409}, {"sold_out", 409}, {"no_tickets_left", 409},
      {"mixed_events", 409}, {"nothing_due", 409}, {"nothing_to_change", 422}, {"needs_finance", 403},
      // The agent interface: a person's confirmation is missing, refused or was for other arguments.
      {"confirmation_required", 409}, {"confirmation_mismatch", 409}, {"not_confirmed", 409},
  };
  auto it = statuses.find(code);
  if (it == statuses.end()) return std::nullopt;
  return it->second;
}

int status_for(const std::string& code) {
  if (auto s = known_status(code)) return *s;
  spdlog::error("error code without a status: {}", code);
  return 500;
}

Response error_response(const std::string& code, const std::string& message, int status) {
  json j{{"error", {{"code", code}, {"message", message}, {"details", json::object()}}}};
  return Response::json_body(j, status ? status : status_for(code));
}

Response error_response(const Error& e, std::string_view language) {
  json details = json::object();
  if (!e.fields.empty()) details["fields"] = e.fields;
  int status = status_for(e.code);
  if (status == 409) details["reason"] = e.code;
  // A refusal by an action's rule reads in the caller's language; other messages stay as written.
  std::string message = e.what();
  if (language != "en")
    if (auto worded = domain::reason_message(e.code, language); worded != e.code) message = worded;
  json j{{"error", {{"code", e.code}, {"message", message}, {"details", details}}}};
  auto r = Response::json_body(j, status);
  if (status == 429) {
    auto* limited = dynamic_cast<const RateLimited*>(&e);
    r.headers.emplace_back("Retry-After", std::to_string(limited ? std::max<int64_t>(limited->retry_after, 1) : 60));
  }
  return r;
}

}  // namespace bo::http
