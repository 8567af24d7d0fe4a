#pragma once
// Reading and writing orders. Every function takes the organisation id: nothing crosses tenants.
#include <optional>
#include <string>
#include <vector>

#include "domain/order.hpp"
#include "store/db.hpp"

namespace bo::store {

// Loads the whole aggregate. With `lock`, the order row is locked for the transaction (PostgreSQL).
std::optional<domain::OrderAggregate> load_order(Connection& c, int64_t org_id, std::string_view number,
                                                 bool lock = false);
std::optional<domain::OrderAggregate> load_order_by_id(Connection& c, int64_t org_id, int64_t order_id,
                                                       bool lock = false);

struct OrderFilter {
  std::string q;
  std::optional<std::string> status, payment_method;
  std::optional<int64_t> event_id, from, to;  // created_at in [from, to)
  std::optional<std::pair<int64_t, int64_t>> after;  // keyset: (created_at, id) of the last row seen
  int limit = 50;
  std::string phone_region;  // to read a phone number in q
};

struct OrderListItem {
  int64_t id = 0, event_id = 0, ticket_count = 0, total = 0, created_at = 0;
  std::string number, status, contact_name, event_name, currency, payment_method;
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

}  // namespace bo::store
