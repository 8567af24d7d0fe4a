#pragma once
// Cancel (SPEC 4.4): every valid ticket becomes cancelled and capacity is released. A paid order is
// refunded first (all that is refundable unless told otherwise); when that refund goes through a
// provider, the cancellation completes once the provider has accepted the refund, and not at all if
// it refuses.
#include <optional>
#include <string>

#include "services/auth.hpp"
#include "services/context.hpp"

namespace bo::services {

struct CancelInput {
  int64_t expected_version = 0;
  std::optional<int64_t> refund_amount;  // default: what actions.cancel.refund_amount_default says
  bool notify_customer = true;
  std::string reason;
};

// What cancel_order would do with `in` (its version aside): the same checks, nothing written. Every valid
// ticket is cancelled.
struct CancelPreview {
  domain::OrderAggregate order;
  int64_t refund_amount = 0;
  std::string payment_method;  // of the payment refunded; empty when none
  std::string method;          // of the refund: provider, manual, or none
};
CancelPreview preview_cancel(Context& ctx, const Principal& p, std::string_view number, const CancelInput& in);

enum class CancelResult { cancelled, waiting_for_provider };

// Throws Error refund_failed (nothing cancelled) when the provider refuses the refund.
CancelResult cancel_order(Context& ctx, const Principal& p, std::string_view number, const CancelInput& in);
// Finishes a cancellation whose refund the provider accepted; a no-op when already cancelled.
void complete_cancellation(Context& ctx, int64_t refund_id);

}  // namespace bo::services
