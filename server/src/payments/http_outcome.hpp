#pragma once
// How a provider HTTP exchange that did not yield a refund object maps to a RefundResult:
// no response, 5xx, 409 (key in use), 429 or idempotency misuse → unknown; other 4xx → failed.
#include "payments/http_client.hpp"
#include "payments/provider.hpp"

#include <string>
#include <string_view>

namespace bo::payments {

RefundResult error_outcome(const HttpResponse& response, const std::string& provider_message,
                           bool idempotency_misuse);

bool is_success(const HttpResponse& response);

// `text` with every occurrence of `secret` masked, for errors and logs.
std::string redact(std::string text, std::string_view secret);

// Refuses requests that must never reach a provider; empty when `request` is acceptable.
std::string validate_refund_request(const RefundRequest& request);

}  // namespace bo::payments
