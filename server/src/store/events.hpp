#pragma once
// Events and their ticket types, always scoped to one organisation.
#include <optional>
#include <vector>

#include "domain/event_summary.hpp"
#include "domain/order.hpp"
#include "store/db.hpp"

namespace bo::store {
using domain::EventSummary;

// Latest start first. Counting orders reads every order of the organisation's events: `counts` false
// skips that for callers that only need the events.
std::vector<EventSummary> list_events(Connection& c, int64_t org_id, bool counts = true);
std::optional<EventSummary> find_event(Connection& c, int64_t org_id, int64_t event_id, bool lock = false);
int64_t count_events(Connection& c, int64_t org_id);
int64_t insert_event(Connection& c, int64_t org_id, const domain::Event& e, int64_t now);
void update_event(Connection& c, int64_t org_id, const domain::Event& e);
// Deletes the event and its ticket types; the caller checks it has no orders.
void delete_event(Connection& c, int64_t org_id, int64_t event_id);

// In position order.
std::vector<domain::TicketType> list_ticket_types(Connection& c, int64_t org_id, int64_t event_id);
// Every ticket type of the organisation, by event and position; `lock` locks them (PostgreSQL).
std::vector<domain::TicketType> all_ticket_types(Connection& c, int64_t org_id, bool lock = false);
std::optional<domain::TicketType> find_ticket_type(Connection& c, int64_t org_id, int64_t id, bool lock = false);
int64_t insert_ticket_type(Connection& c, int64_t org_id, const domain::TicketType& t, int64_t now);
// Writes everything but `issued` (kept by the order writers).
void update_ticket_type(Connection& c, int64_t org_id, const domain::TicketType& t);
// Sets position 0, 1, 2 … in the given order.
void set_ticket_type_positions(Connection& c, int64_t org_id, const std::vector<int64_t>& ids);
// Sets every ticket type's `issued` to its valid tickets (after writing tickets without counting them).
void recount_issued(Connection& c);
bool ticket_type_has_tickets(Connection& c, int64_t ticket_type_id);
void delete_ticket_type(Connection& c, int64_t org_id, int64_t id);

}  // namespace bo::store
