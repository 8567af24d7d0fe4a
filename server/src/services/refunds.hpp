#pragma once
// Refunds (SPEC 4.3): asked for by an operator, written `pending` before the provider is called,
// completed by the provider's answer, a webhook or the refund worker's polling — all through
// apply_refund_result, which never moves a refund out of succeeded or failed.
#include <optional>
#include <string>
#include <vector>

#include "domain/order.hpp"
#include "domain/refund_rules.hpp"
#include "services/auth.hpp"
#include "services/context.hpp"

namespace bo::services {

struct RefundInput {
  int64_t expected_version = 0;
  std::vector<int64_t> ticket_ids;
  std::optional<int64_t> amount;
  std::string reason;
  bool keep_tickets_valid = false;
  std::string idempotency_key;  // empty: none given
};
// What a reused Idempotency-Key is compared by: every field of the input that the refund reads.
std::string refund_fingerprint(const RefundInput& in);

struct RefundOutcome {
  domain::Refund refund;
  bool replayed = false;  // the idempotency key matched an earlier refund: that one is returned
};

// What refund_order would do with `in` (its version and reason aside): the same checks, nothing written.
struct RefundPreview {
  domain::OrderAggregate order;
  domain::RefundPlan plan;
  std::string payment_method;  // of the payment refunded: card, ideal, …
  std::string method;          // provider (through the payment provider) or manual
};
RefundPreview preview_refund(Context& ctx, const Principal& p, std::string_view number, const RefundInput& in);

RefundOutcome refund_order(Context& ctx, const Principal& p, std::string_view number, const RefundInput& in);

// What a refund of the order must pass before anything is written: its rules, the plan, the provider.
struct CheckedRefund {
  domain::RefundPlan plan;
  const domain::Payment* payment;  // into the order aggregate checked
  bool provider;                   // through the payment provider; otherwise done by hand (manual)
};
CheckedRefund check_refund(Context& ctx, const Principal& p, const domain::OrderAggregate& a,
                           const std::vector<int64_t>& ticket_ids, std::optional<int64_t> amount, int64_t now);
struct RefundRequest {
  int64_t amount = 0;
  std::vector<int64_t> ticket_ids;
  std::string reason;
  bool keep_tickets_valid = false, notify_customer = true;
  std::optional<std::string> request_hash, idempotency_key;
};
struct StartedRefund {
  int64_t id = 0;
  bool submit = false;  // call submit_refund after the commit
};
// Writes a checked refund in the caller's transaction: pending for a provider, succeeded when manual
// (with the order's status and, when asked, the customer's e-mail).
StartedRefund write_refund(store::Connection& c, const Principal& p, const domain::OrderAggregate& a,
                           const CheckedRefund& checked, const RefundRequest& req, int64_t now);

// Sends a pending refund to its provider (first time, or again with the same key after an unknown
// outcome) and applies what the provider answers. Safe to call more than once.
void submit_refund(Context& ctx, int64_t refund_id);
// Moves a pending refund to succeeded or failed with all its consequences; a no-op otherwise.
void apply_refund_result(Context& ctx, int64_t refund_id, bool succeeded, const std::string& error,
                         const std::optional<std::string>& provider_ref);
// Checks a submitted refund at its provider (the demo provider answers succeeded).
void poll_refund(Context& ctx, int64_t refund_id);
// One pass of the refund worker: submits or polls every due refund. Returns how many it handled.
int process_due_refunds(Context& ctx);

domain::Refund load_refund(store::Connection& c, int64_t org_id, int64_t refund_id);

}  // namespace bo::services
