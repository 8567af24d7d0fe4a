#pragma once
// Changing an order: swap or move tickets, add tickets, cancel single tickets, hand a ticket to someone
// else; previewed without writing, or done in one transaction with capacity, money, new barcodes, history
// and one e-mail. Settling what a change left open: a payment recorded by hand, or a waiver.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "domain/order_change.hpp"
#include "services/auth.hpp"
#include "services/context.hpp"
#include "services/orders.hpp"

namespace bo::services {

struct ChangeInput {
  int64_t expected_version = 0;  // required to change; a preview takes the order as it is
  std::vector<domain::ChangeOperation> operations;  // hand_over attendee values as given (validated here)
  bool notify_customer = true;
  std::string idempotency_key;  // empty: none given
};
std::string change_fingerprint(const ChangeInput& in);

struct ChangeOutcome {
  nlohmann::json summary;  // before, after, difference, settlement, needs_finance (the API's shape)
  std::optional<int64_t> change_id, refund_id, email_id;
  bool replayed = false;
  OrderView order;  // as it is now
};
ChangeOutcome preview_change(Context& ctx, const Principal& p, std::string_view number, const ChangeInput& in);
ChangeOutcome change_order(Context& ctx, const Principal& p, std::string_view number, const ChangeInput& in);

// What the change dialog offers: the organisation's events that still take changes, with their ticket types.
struct ChangeOptions {
  int64_t current_event_id = 0;
  std::vector<domain::Event> events;  // the current event first
  std::map<int64_t, std::vector<domain::TicketType>> types;  // by event
};
ChangeOptions change_options(Context& ctx, const Principal& p, std::string_view number);

struct ManualPayment {
  int64_t expected_version = 0, amount = 0;
  std::string method, reference;
};
OrderView record_payment(Context& ctx, const Principal& p, std::string_view number, const ManualPayment& in);
OrderView waive_due(Context& ctx, const Principal& p, std::string_view number, int64_t expected_version,
                    const std::string& reason);

}  // namespace bo::services
