#pragma once
// What an order change writes: capacity, tickets changed in place, retired barcodes, the order's totals and
// open amount, the change's own row; and settling an open amount (a payment recorded by hand, a waiver).
#include <optional>
#include <string>

#include "domain/order_change.hpp"
#include "store/db.hpp"

namespace bo::store {

// The organisation's ticket types (with their issued counts) and events.
domain::ChangeCatalog change_catalog(Connection& c, int64_t org_id);

// Takes `more` tickets of the type's capacity when it has them, or gives back -more; false when sold out.
bool take_capacity(Connection& c, int64_t ticket_type_id, int64_t more);
void change_ticket(Connection& c, int64_t ticket_id, const domain::ChangeLine& line, const std::string& barcode);
// A ticket a change cancels keeps its row at price and fee 0 (see 013_order_changes.sql).
void cancel_ticket_by_change(Connection& c, int64_t ticket_id);
int64_t add_ticket(Connection& c, int64_t org_id, int64_t order_id, const domain::ChangeLine& line,
                   const std::string& barcode, std::optional<int64_t> paid_at, int64_t now);
void retire_barcode(Connection& c, int64_t org_id, int64_t ticket_id, const std::string& barcode, int64_t now);
bool is_retired_barcode(Connection& c, int64_t org_id, std::string_view barcode);
// The order's event, ticket count and totals from its tickets; its open amount and credit moved by the change.
void save_order_after_change(Connection& c, int64_t order_id, int64_t event_id, int64_t due_change, int64_t credited,
                             int64_t now);

struct ChangeRow {
  int64_t id = 0, order_id = 0;
  std::string request_hash, result;
  std::optional<int64_t> refund_id, email_id;
};
std::optional<ChangeRow> find_change_by_key(Connection& c, int64_t org_id, std::string_view key);
struct NewChange {
  int64_t organisation_id = 0, order_id = 0, difference = 0;
  std::optional<std::string> idempotency_key;
  std::string request_hash, result;
  std::optional<int64_t> refund_id, email_id;
  domain::Actor created_by;
};
int64_t insert_change(Connection& c, const NewChange& change, int64_t now);

// Settling: a payment recorded by hand lowers the open amount; a waiver clears it. Tickets a change added
// while money was open count as paid from then on.
int64_t record_manual_payment(Connection& c, int64_t org_id, int64_t order_id, int64_t amount, const std::string& method,
                              const std::string& currency, const std::string& reference, int64_t now);
void waive_due(Connection& c, int64_t order_id, int64_t now);

}  // namespace bo::store
