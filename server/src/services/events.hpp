#pragma once
// Setting up events and their ticket types (with personalisation fields). Everyone may read;
// changes are for admins and go into the audit log.
#include <optional>
#include <string>
#include <vector>

#include "services/auth.hpp"
#include "services/context.hpp"
#include "store/events.hpp"

namespace bo::services {

// A create or a partial update: absent fields are left as they are.
struct EventInput {
  std::optional<std::string> name, venue;
  std::optional<int64_t> starts_at, ends_at;
  std::optional<bool> archived;
};

struct TicketTypeInput {
  std::optional<std::string> name;
  std::optional<int64_t> price, fee, capacity, position;
  std::optional<std::vector<domain::FieldDef>> fields;
};

struct EventDetail {
  domain::EventSummary summary;
  std::vector<domain::TicketType> ticket_types;
};

inline constexpr int64_t kMaxTicketTypesPerEvent = 200;
inline constexpr int64_t kMaxEventsPerOrganisation = 10000;

std::vector<domain::EventSummary> list_events(Context& ctx, const Principal& p, bool counts = true);
// Throws not_found for an unknown id or another organisation's event.
EventDetail get_event(Context& ctx, const Principal& p, int64_t event_id);
EventDetail create_event(Context& ctx, const Principal& p, const EventInput& in);
EventDetail update_event(Context& ctx, const Principal& p, int64_t event_id, const EventInput& in);
// Refuses with event_has_orders once the event has any order (archive it instead).
void delete_event(Context& ctx, const Principal& p, int64_t event_id);

std::vector<domain::TicketType> list_ticket_types(Context& ctx, const Principal& p, int64_t event_id);
domain::TicketType get_ticket_type(Context& ctx, const Principal& p, int64_t id);
domain::TicketType create_ticket_type(Context& ctx, const Principal& p, int64_t event_id, const TicketTypeInput& in);
// A new `position` moves the type there (0 = first) and renumbers the others.
domain::TicketType update_ticket_type(Context& ctx, const Principal& p, int64_t id, const TicketTypeInput& in);
// `ids` must list every ticket type of the event once, in the new order.
std::vector<domain::TicketType> reorder_ticket_types(Context& ctx, const Principal& p, int64_t event_id,
                                                     const std::vector<int64_t>& ids);
// Refuses with ticket_type_has_tickets once any ticket of the type exists.
void delete_ticket_type(Context& ctx, const Principal& p, int64_t id);

}  // namespace bo::services
