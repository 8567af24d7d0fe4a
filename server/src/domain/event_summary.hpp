#pragma once
// An event with its sales counts, as the event list shows it.
#include <cstdint>
#include <optional>
#include <vector>

#include "domain/order.hpp"

namespace bo::domain {

struct EventSummary {
  Event event;
  bool counted = true;  // false: the counts below were not read
  int64_t orders = 0, tickets_sold = 0, capacity = 0, ticket_types = 0;
};

}  // namespace bo::domain
