#pragma once
// Reading and writing orders. Every function takes the organisation id: nothing crosses tenants.
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "domain/order.hpp"
#include "store/db.hpp"

namespace bo::store {

// Loads the whole aggregate. With `lock`, the order row is locked for the transaction (PostgreSQL).
std::optional<domain::OrderAggregate> load_order(Connection& c, int64_t org_id, std::string_view number,
                                                 bool lock = false);
std::optional<domain::OrderAggregate> load_order_by_id(Connection& c, int64_t org_id, int64_t order_id,
                                                       bool lock = false);
// Every order number in use (all organisations).
std::unordered_set<std::string> all_order_numbers(Connection& c);
std::optional<int64_t> find_order_id(Connection& c, int64_t org_id, std::string_view number);
domain::OrderStatus order_status(Connection& c, int64_t order_id);

struct TicketRef {
  int64_t ticket_id = 0, order_id = 0;
};
std::optional<TicketRef> find_ticket_by_barcode(Connection& c, int64_t org_id, std::string_view barcode);
// Sets checked_in_at unless it is set already.
void set_ticket_checked_in(Connection& c, int64_t ticket_id, int64_t now);
void set_ticket_attendee(Connection& c, int64_t ticket_id, const domain::AttendeeValues& attendee);

struct OrderFilter {
  std::string q;
  std::optional<domain::OrderStatus> status;
  std::optional<std::string> payment_method;
  std::optional<int64_t> event_id, from, to;  // created_at in [from, to)
  std::optional<std::pair<int64_t, int64_t>> after;  // keyset: (created_at, id) of the last row seen
  int limit = 50;
  std::string phone_region;  // to read a phone number in q
};

struct OrderListItem {
  int64_t id = 0, event_id = 0, ticket_count = 0, total = 0, created_at = 0;
  std::string number, contact_name, event_name, currency, payment_method;
  domain::OrderStatus status = domain::OrderStatus::pending;
  std::optional<std::string> email;
};

std::vector<OrderListItem> list_orders(Connection& c, int64_t org_id, const OrderFilter& f);

// Increments the version when it still equals `expected`; false when the order changed meanwhile.
bool bump_version(Connection& c, int64_t order_id, int64_t expected, int64_t now);
void save_contact(Connection& c, int64_t order_id, const domain::Contact& contact);

struct HistoryItem {
  int64_t id = 0, at = 0;
  std::string type;
  domain::Actor actor;
  std::string data;  // JSON
};
int64_t add_history(Connection& c, int64_t org_id, int64_t order_id, std::string_view type, int64_t at,
                    const domain::Actor& actor, const std::string& data_json);
std::vector<HistoryItem> load_history(Connection& c, int64_t order_id);
// How many entries of `type` the order's history has after `since`.
int64_t count_history_since(Connection& c, int64_t order_id, std::string_view type, int64_t since);

}  // namespace bo::store
