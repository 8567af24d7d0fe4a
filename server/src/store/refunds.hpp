#pragma once
// Refund rows and the ticket and capacity changes that go with them.
#include <optional>
#include <string>
#include <vector>

#include "domain/order.hpp"
#include "domain/states.hpp"
#include "store/db.hpp"

namespace bo::store {

struct NewRefund {
  int64_t organisation_id = 0, order_id = 0, amount = 0;
  std::optional<int64_t> payment_id;
  std::string currency, reason, method, provider, provider_state = "to_submit";
  domain::RefundStatus status = domain::RefundStatus::pending;
  std::vector<int64_t> ticket_ids;
  bool keep_tickets_valid = false, cancels_order = false, notify_customer = true;
  std::optional<std::string> idempotency_key, request_hash;
  std::string provider_key;
  domain::Actor created_by;
  std::optional<int64_t> completed_at, next_attempt_at;
  std::optional<std::string> provider_ref;
};

struct RefundRow {
  int64_t id = 0, organisation_id = 0, order_id = 0, amount = 0, provider_attempts = 0;
  domain::RefundStatus status = domain::RefundStatus::pending;
  std::string provider, provider_state, provider_key, currency, reason;
  std::optional<std::string> provider_ref, request_hash, payment_ref, error;
  domain::Actor created_by;
  std::vector<int64_t> ticket_ids;
  bool keep_tickets_valid = false, cancels_order = false, notify_customer = true;
};

int64_t insert_refund(Connection& c, const NewRefund& r, int64_t now);
std::optional<RefundRow> find_refund(Connection& c, int64_t id, bool lock = false);
std::optional<RefundRow> find_refund_by_key(Connection& c, int64_t org_id, std::string_view idempotency_key);
std::optional<RefundRow> find_refund_by_provider_ref(Connection& c, std::string_view provider, std::string_view ref);
// Refunds the worker should look at now; each is leased for `lease` seconds by moving next_attempt_at.
std::vector<RefundRow> claim_due_refunds(Connection& c, int64_t now, int64_t lease, int limit);
void set_refund_submitted(Connection& c, int64_t id, const std::string& provider_ref, std::optional<int64_t> next_check);
// When the worker asks the provider again about a submitted refund.
void set_refund_next_check(Connection& c, int64_t id, int64_t at);
void set_refund_retry(Connection& c, int64_t id, int64_t next_attempt_at, const std::string& error);
// pending → succeeded | failed; false when the refund was no longer pending.
bool finish_refund(Connection& c, int64_t id, domain::RefundStatus status, const std::optional<std::string>& error,
                   const std::optional<std::string>& provider_ref, int64_t now);

// Ticket status changes that release or take capacity (valid tickets hold capacity).
void set_tickets_status(Connection& c, int64_t order_id, const std::vector<int64_t>& ticket_ids,
                        domain::TicketStatus from, domain::TicketStatus to);
// Sets the order's status and bumps its version.
void set_order_status(Connection& c, int64_t order_id, domain::OrderStatus status, int64_t now);

}  // namespace bo::store
