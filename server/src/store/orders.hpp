#pragma once
// Reading and writing orders. Every function takes the organisation id: nothing crosses tenants.
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "domain/order_list.hpp"
#include "domain/order.hpp"
#include "store/db.hpp"

namespace bo::store {
using domain::OrderFilter;
using domain::OrderListItem;
using domain::HistoryItem;

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

std::vector<OrderListItem> list_orders(Connection& c, int64_t org_id, const OrderFilter& f);

// Increments the version when it still equals `expected`; false when the order changed meanwhile.
bool bump_version(Connection& c, int64_t order_id, int64_t expected, int64_t now);
void save_contact(Connection& c, int64_t order_id, const domain::Contact& contact);

int64_t add_history(Connection& c, int64_t org_id, int64_t order_id, std::string_view type, int64_t at,
                    const domain::Actor& actor, const std::string& data_json);
std::vector<HistoryItem> load_history(Connection& c, int64_t order_id);
// How many entries of `type` the order's history has after `since`.
int64_t count_history_since(Connection& c, int64_t order_id, std::string_view type, int64_t since);

}  // namespace bo::store
