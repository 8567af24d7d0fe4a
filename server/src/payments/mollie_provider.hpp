#pragma once
// Mollie refunds: POST/GET {base}/v2/payments/{tr_…}/refunds[/{re_…}] (JSON, Bearer key, Idempotency-Key).
// Its webhooks post an unsigned "id=tr_…"; handle_webhook fetches that payment's refunds from the API,
// which is what authenticates the call, and reports every refund of the payment.
#include "payments/provider.hpp"

#include <nlohmann/json_fwd.hpp>

namespace bo::payments {

// A refund object → result: queued, pending, processing → pending; refunded → succeeded;
// failed, canceled → failed.
RefundResult mollie_refund_result(const nlohmann::json& refund);

// The create-refund body: amount as a decimal string with the currency's exact number of decimals
// ("89.50" EUR, "1500" JPY); an empty description is sent as "Refund". Expects a validated request.
nlohmann::json mollie_refund_body(const RefundRequest& request);

}  // namespace bo::payments
