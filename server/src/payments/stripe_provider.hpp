#pragma once
// Stripe refunds: POST/GET {base}/v1/refunds (form-encoded, Bearer secret key, Idempotency-Key) and
// refund webhook events signed with Stripe-Signature. Stripe refunds in the payment's own currency, so
// RefundRequest::currency is only validated; the description goes into metadata[description].
#include "payments/provider.hpp"

#include <nlohmann/json_fwd.hpp>

#include <string_view>

namespace bo::payments {

// A refund object → result: requires_action → pending; failed and canceled → failed with the reason.
RefundResult stripe_refund_result(const nlohmann::json& refund);

// An already verified event payload → one update for refund.created, refund.updated, refund.failed and
// charge.refund.updated; accepted without updates for other types; rejected if it is not an event.
WebhookResult parse_stripe_event(std::string_view payload);

}  // namespace bo::payments
