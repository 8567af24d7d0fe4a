#pragma once
// Changing an order (issue: swap a ticket's type, move it to another event, add tickets, cancel single
// tickets, hand a ticket to someone else) as a plan: what the order looks like after, what it costs, which
// capacity it takes. Every refusal is an Error with a reason code; nothing here touches the database.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/order.hpp"

namespace bo::domain {

inline constexpr int kMaxChangeOperations = 100;
inline constexpr int kMaxAddQuantity = 50;

enum class ChangeKind { swap, add, cancel, hand_over };
std::string_view to_string(ChangeKind k);

struct ChangeOperation {
  ChangeKind kind = ChangeKind::swap;
  int64_t ticket_id = 0;       // swap, cancel, hand_over
  int64_t ticket_type_id = 0;  // swap, add
  int quantity = 1;            // add
  std::optional<int64_t> price;  // swap, add: a price the operator sets instead of the type's
  AttendeeValues attendee;       // hand_over: already validated against the type's fields
};

// The organisation's ticket types and events a change may use.
struct ChangeCatalog {
  std::map<int64_t, TicketType> types;
  std::map<int64_t, Event> events;
};

// One ticket before or after the change. ticket_id is empty for a ticket the change adds.
struct ChangeLine {
  std::optional<int64_t> ticket_id;
  int64_t ticket_type_id = 0, event_id = 0;
  std::string ticket_type_name, event_name;
  int64_t price = 0, fee = 0;
  TicketStatus status = TicketStatus::valid;
  std::optional<ChangeKind> operation;
  bool new_barcode = false;
  AttendeeValues attendee;
};

enum class Settlement { none, due, due_reduced, refund };
std::string_view to_string(Settlement s);

struct ChangePlan {
  std::vector<ChangeLine> before, after;  // before: the valid tickets; after: the same ones changed, then added
  int64_t before_total = 0, after_total = 0, difference = 0;
  int64_t event_id = 0;                  // the order's event after the change
  std::map<int64_t, int64_t> capacity;   // ticket type → tickets it holds more (negative: fewer)
  bool needs_finance = false;            // moves money or sets a price
  Settlement settlement = Settlement::none;
  int64_t settlement_amount = 0;  // due: added to the open amount; due_reduced: taken off it; refund: given back
  int64_t due_change = 0;         // to the order's open amount
  int64_t refund = 0;             // to give back through a refund
};

// Whether one ticket can be changed (the order's own Change action aside).
ActionState ticket_change(const Ticket& t);

// Checks the operations against the order (its valid tickets, check-ins, events, capacity as read) and
// returns the plan. `now` decides which events have ended.
ChangePlan plan_change(const OrderAggregate& a, const std::vector<ChangeOperation>& ops,
                       const ChangeCatalog& catalog, int64_t now);

}  // namespace bo::domain
