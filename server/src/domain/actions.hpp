#pragma once
// Whether each ⋯ action (resend, personalisation, refund, cancel, change) is enabled for an order, and why not.
// This is the one place these rules live; services and the API ask here, the UI only renders the answer.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "domain/order_status.hpp"
#include "domain/role.hpp"

namespace bo::domain {

struct RefundPolicy {
  std::vector<std::string> refundable_methods{"card", "ideal", "bancontact", "paypal", "bank_transfer", "invoice", "free"};
  bool partial_refunds = true;
  bool refund_fees = false;
  int deadline_days = 30;  // after the event ends
};

struct OrderFacts {
  OrderStatus status = OrderStatus::pending;
  int valid_tickets = 0;
  bool personalisation_required = false;  // some valid ticket's type has personalisation fields
  bool has_email = false;
  int64_t paid = 0;               // succeeded payments
  int64_t refunded = 0;           // succeeded refunds
  int64_t pending_refunds = 0;    // amount of refunds still pending
  bool any_checked_in = false;
  std::string payment_method;
  int64_t event_ends_at = 0;
  int64_t amount_due = 0;  // left open by a change
};

struct ActionState {
  bool enabled = false;
  std::string reason;  // empty when enabled
};

struct Actions {
  ActionState resend, personalisation, refund, cancel;
  ActionState change;  // change tickets (swap, move, add, cancel single tickets, hand over)
  ActionState settle;  // record a payment of, or waive, what a change left open
  int64_t refundable = 0;
  int64_t cancel_refund_default = 0;  // what Cancel refunds unless told otherwise
};

int64_t refundable_amount(const OrderFacts& o);
Actions available_actions(const OrderFacts& o, const RefundPolicy& p, Role role, int64_t now);

// The sentence shown to a person for a reason code, in `language` (server/messages: reason.<code>).
std::string reason_message(std::string_view code, std::string_view language = "en");
// Every reason code an action can be disabled with.
std::vector<std::string_view> reason_codes();

}  // namespace bo::domain
