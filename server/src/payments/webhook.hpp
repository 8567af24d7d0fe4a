#pragma once
// Webhook authentication helpers: Stripe-Signature (HMAC-SHA256 of "t.payload", constant-time compare)
// and the Mollie form body "id=tr_…", which carries no signature and is verified by fetching from the API.
#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace bo::payments {

// Empty when `header` holds a v1 signature of `payload` by `secret` whose timestamp lies within
// `tolerance` of `now`; otherwise the reason it was refused.
std::string verify_stripe_signature(std::string_view payload, std::string_view header, std::string_view secret,
                                    std::chrono::seconds tolerance,
                                    std::chrono::system_clock::time_point now = std::chrono::system_clock::now());

// The Stripe-Signature value "t=<timestamp>,v1=<hex>" for `payload`.
std::string sign_stripe_payload(std::string_view payload, std::string_view secret, int64_t timestamp);

// application/x-www-form-urlencoded body → decoded fields in order; malformed escapes are kept verbatim.
std::vector<std::pair<std::string, std::string>> parse_form(std::string_view body);

// The payment id ("tr_…") a Mollie webhook names; empty when there is none.
std::string mollie_webhook_payment_id(std::string_view form_body);

}  // namespace bo::payments
