// Shared error mapping and request checks for the provider adapters.
#include "payments/http_outcome.hpp"

#include "payments/money.hpp"

namespace bo::payments {

bool is_success(const HttpResponse& response) {
  return response.error.empty() && response.status >= 200 && response.status < 300;
}

RefundResult error_outcome(const HttpResponse& response, const std::string& provider_message,
                           bool idempotency_misuse) {
  if (!response.error.empty()) return {RefundState::unknown, {}, response.error};
  const long s = response.status;
  const std::string status = "HTTP " + std::to_string(s);
  const bool retryable = s >= 500 || s == 409 || s == 429 || s < 400 || idempotency_misuse;
  if (provider_message.empty()) return {retryable ? RefundState::unknown : RefundState::failed, {}, status};
  if (retryable) return {RefundState::unknown, {}, status + ": " + provider_message};
  return {RefundState::failed, {}, provider_message};
}

std::string redact(std::string text, std::string_view secret) {
  if (secret.empty()) return text;
  for (auto pos = text.find(secret); pos != std::string::npos; pos = text.find(secret, pos + 3))
    text.replace(pos, secret.size(), "***");
  return text;
}

std::string validate_refund_request(const RefundRequest& request) {
  if (request.payment_ref.empty()) return "payment reference is missing";
  if (request.amount <= 0) return "refund amount must be positive";
  if (!currency_exponent(request.currency)) return "invalid currency code";
  if (request.idempotency_key.empty() || request.idempotency_key.size() > 255)
    return "idempotency key must have 1 to 255 characters";
  return {};
}

}  // namespace bo::payments
