#pragma once
// Creating orders with their tickets, payment and first history entries, and keeping each ticket
// type's `issued` counter in step. Used by demo data and by tests' fixtures; bulk paths (import,
// generator) write the same columns through Connection::bulk.
#include <optional>
#include <string>
#include <vector>

#include "domain/order.hpp"
#include "store/db.hpp"

namespace bo::store {

struct NewTicket {
  int64_t ticket_type_id = 0, price = 0, fee = 0;
  std::string barcode;
  domain::TicketStatus status = domain::TicketStatus::valid;
  domain::AttendeeValues attendee;
  std::optional<int64_t> checked_in_at;
};

struct NewPayment {
  std::string method, provider;
  domain::PaymentStatus status = domain::PaymentStatus::paid;
  std::optional<std::string> provider_ref;
  int64_t amount = 0;
  std::optional<int64_t> paid_at;
};

struct NewOrder {
  int64_t organisation_id = 0, event_id = 0;
  std::string number, source = "shop", currency = "EUR", payment_method;
  domain::OrderStatus status = domain::OrderStatus::paid;
  std::optional<std::string> external_ref;
  domain::Contact contact;
  std::vector<NewTicket> tickets;
  std::optional<NewPayment> payment;
  int64_t created_at = 0;
  std::optional<int64_t> paid_at, cancelled_at;
  std::optional<int64_t> import_id;
};

struct CreatedOrder {
  int64_t id = 0;
  std::vector<int64_t> ticket_ids;
  std::optional<int64_t> payment_id;
};

// Inserts the order; the caller owns the transaction and writes history.
CreatedOrder insert_order(Connection& c, const NewOrder& o);

// Lower-cased search copies of contact fields, as stored on orders.
struct SearchKeys {
  std::optional<std::string> email_lc, last_name_lc, full_name_lc;
};
SearchKeys search_keys(const domain::Contact& k);

}  // namespace bo::store
