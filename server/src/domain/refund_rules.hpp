#pragma once
// How much a refund request is worth and whether the order and policy allow it; what Cancel may refund.
// Call after available_actions() said Refund / Cancel is enabled. Violations throw bo::Error.
#include <cstdint>
#include <optional>
#include <vector>

#include "domain/actions.hpp"
#include "domain/order.hpp"

namespace bo::domain {

struct RefundAsk {
  std::vector<int64_t> ticket_ids;
  std::optional<int64_t> amount;  // a free amount on top of the tickets
};

struct RefundPlan {
  int64_t amount = 0;
  std::vector<int64_t> ticket_ids;
};

// What refunding one ticket returns: its price, plus its fee when the policy refunds fees.
int64_t ticket_refund_value(const Ticket& t, const RefundPolicy& p);
// Tickets already covered by a pending or succeeded refund.
std::vector<int64_t> tickets_in_refunds(const OrderAggregate& a);
// A ticket can be chosen in a refund: valid and not in a refund that is pending or succeeded.
bool ticket_refundable(const Ticket& t, const std::vector<int64_t>& in_refunds);
RefundPlan plan_refund(const OrderAggregate& a, const RefundPolicy& p, int64_t refundable, const RefundAsk& ask);
// Checks Cancel's refund_amount: 0 ≤ amount ≤ refundable; a refund needs Refund to be enabled
// (refund_reason empty); keeping money of a paid order (refunding less than everything) follows the
// partial-refund policy, and refunding nothing of a paid order is for admins only.
void check_cancel_refund(const OrderFacts& f, const RefundPolicy& p, const Actions& actions, Role role,
                         int64_t refund_amount);

}  // namespace bo::domain
