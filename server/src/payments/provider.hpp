#pragma once
// Contract: refunds go through the provider that took the payment. create_refund is called outside any
// transaction for a refund row already stored as pending; webhooks later report its final state.
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace bo::payments {

struct RefundRequest {
  std::string payment_ref;      // Stripe payment_intent "pi_…", Mollie payment "tr_…"
  int64_t amount = 0;           // minor units of `currency`, > 0
  std::string currency;         // ISO 4217, e.g. "EUR"
  std::string idempotency_key;  // required; same key → the provider answers with the first result
  std::string description;
};

// pending:   the provider accepted the refund; a webhook or get_refund will tell the outcome.
// succeeded: money is on its way back.  failed: the provider refused or the refund failed (see error).
// unknown:   network error, timeout, 5xx, 409 or 429: the outcome is not known; retry with the SAME key.
enum class RefundState { pending, succeeded, failed, unknown };

constexpr std::string_view to_string(RefundState s) {
  switch (s) {
    case RefundState::pending: return "pending";
    case RefundState::succeeded: return "succeeded";
    case RefundState::failed: return "failed";
    case RefundState::unknown: return "unknown";
  }
  return "unknown";
}

struct RefundResult {
  RefundState state = RefundState::unknown;
  std::string refund_ref;  // provider's refund id ("re_…"), empty when none is known
  std::string error;       // provider's message or transport error; empty on success
};

// A refund's state as a webhook reports it. Updates may be duplicated or arrive out of order:
// consumers never move a refund out of succeeded/failed because of a later pending update.
struct RefundUpdate {
  std::string refund_ref;
  std::string payment_ref;
  RefundState state = RefundState::unknown;
  std::string error;
  std::string event_id;  // Stripe event id ("evt_…"); empty for Mollie
};

struct WebhookRequest {
  std::string body;                                         // raw body, byte for byte as received
  std::vector<std::pair<std::string, std::string>> headers;  // names compared case-insensitively
};

// accepted: well-formed (and authentic where the provider signs), `updates` name what changed (may be empty
// for event types we ignore); an update without refund_ref names a payment whose refunds to fetch, and its
// state is unknown. rejected: not authentic or malformed; ignore it.  retry: could not be checked now.
enum class WebhookVerdict { accepted, rejected, retry };

struct WebhookResult {
  WebhookVerdict verdict = WebhookVerdict::rejected;
  std::vector<RefundUpdate> updates;
  std::string error;
};

// Implementations hold only their configuration and may be called from several threads at once.
class PaymentProvider {
 public:
  virtual ~PaymentProvider() = default;
  virtual std::string name() const = 0;  // "stripe", "mollie"
  virtual RefundResult create_refund(const RefundRequest& request) = 0;
  // An HTTP error here yields unknown: failed only ever comes from the refund's own status.
  virtual RefundResult get_refund(const std::string& payment_ref, const std::string& refund_ref) = 0;
  // Reads a webhook without any call to the provider.
  virtual WebhookResult handle_webhook(const WebhookRequest& request) = 0;
};

struct ProviderConfig {
  std::string base_url;        // "https://api.stripe.com", "https://api.mollie.com"; no trailing path
  std::string api_key;         // never logged
  std::string webhook_secret;  // Stripe endpoint secret "whsec_…"; unused by Mollie
  std::chrono::milliseconds timeout{10000};
  std::chrono::seconds webhook_tolerance{300};
};

std::unique_ptr<PaymentProvider> make_stripe_provider(ProviderConfig config);
std::unique_ptr<PaymentProvider> make_mollie_provider(ProviderConfig config);

}  // namespace bo::payments
