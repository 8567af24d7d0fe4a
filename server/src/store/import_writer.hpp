#pragma once
// Writes imported orders in bulk, one table after the other (orders, tickets, payments, history):
// the caller reserves the ids, owns the transaction and keeps `issued` counters in step.
#include <memory>
#include <optional>
#include <string_view>

#include "domain/order.hpp"
#include "store/db.hpp"

namespace bo::store {

struct ImportedOrder {
  int64_t id = 0, event_id = 0, ticket_count = 0, total_price = 0, total_fees = 0, created_at = 0, updated_at = 0;
  std::optional<int64_t> paid_at;
  std::string_view number, status, external_ref, payment_method, email, first_name, last_name, mobile;
};

struct ImportedTicket {
  int64_t id = 0, order_id = 0, ticket_type_id = 0, price = 0, fee = 0, created_at = 0;
  std::string_view barcode, attendee;  // attendee: JSON object, empty for none
};

struct ImportedPayment {
  int64_t id = 0, order_id = 0, amount = 0, created_at = 0;
  std::optional<int64_t> paid_at;
  std::string_view method, provider, status;
};

struct ImportedHistory {
  int64_t id = 0, order_id = 0, at = 0;
  std::string_view data;  // JSON
};

class ImportWriter {
 public:
  ImportWriter(Connection& c, int64_t org_id, std::string_view currency, int64_t import_id,
               const domain::Actor& actor);
  // Each kind in one run, in the order of these functions; a new kind finishes the previous one.
  void order(const ImportedOrder& o);
  void ticket(const ImportedTicket& t);
  void payment(const ImportedPayment& p);
  void history(const ImportedHistory& h);
  void finish();

 private:
  enum class Table { none, orders, tickets, payments, history };
  Connection::BulkWriter& open(Table t);
  Connection& c_;
  int64_t org_id_, import_id_;
  std::string currency_;
  domain::Actor actor_;
  Table table_ = Table::none;
  std::unique_ptr<Connection::BulkWriter> writer_;
  std::string email_lc_, last_name_lc_, full_name_lc_;
};

// Adds `n` to the issued counter of a ticket type.
void add_issued(Connection& c, int64_t ticket_type_id, int64_t n);

}  // namespace bo::store
