#pragma once
// Order lists, searches and history as the services hand them to the adapters.
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "domain/order.hpp"
#include "domain/states.hpp"

namespace bo::domain {

struct OrderFilter {
  std::string q;
  std::optional<OrderStatus> status;
  std::optional<std::string> payment_method;
  std::optional<int64_t> event_id, from, to;  // created_at in [from, to)
  std::optional<std::pair<int64_t, int64_t>> after;  // keyset: (created_at, id) of the last row seen
  int limit = 50;
  std::string phone_region;  // to read a phone number in q
};

struct OrderListItem {
  int64_t id = 0, event_id = 0, ticket_count = 0, total = 0, created_at = 0;
  std::string number, contact_name, event_name, currency, payment_method;
  OrderStatus status = OrderStatus::pending;
  std::optional<std::string> email;
};

struct HistoryItem {
  int64_t id = 0, at = 0;
  std::string type;
  Actor actor;
  std::string data;  // JSON
};

}  // namespace bo::domain
