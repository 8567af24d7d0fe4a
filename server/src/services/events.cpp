#include "services/events.hpp"

#include <algorithm>
#include <set>

#include <nlohmann/json.hpp>

#include "common/error.hpp"
#include "domain/setup_rules.hpp"
#include "services/audit.hpp"
#include "services/orders.hpp"
#include "store/json_columns.hpp"

namespace bo::services {
namespace {
using nlohmann::json;

json audit_json(const domain::Event& e) {
  return {{"name", e.name},
          {"venue", e.venue},
          {"starts_at", iso_utc(e.starts_at)},
          {"ends_at", iso_utc(e.ends_at)},
          {"archived", e.archived}};
}

json audit_json(const domain::TicketType& t) {
  return {{"event_id", t.event_id}, {"name", t.name},         {"price", t.price},
          {"fee", t.fee},           {"capacity", t.capacity}, {"position", t.position},
          {"personalisation_fields", json::parse(store::fields_json(t.fields))}};
}

void throw_if(const domain::FieldErrors& errors) {
  if (!errors.empty()) throw validation_failed(errors);
}

domain::EventSummary event_or_404(store::Connection& c, const Principal& p, int64_t id, bool lock = false) {
  auto e = store::find_event(c, p.organisation.id, id, lock);
  if (!e) throw not_found("event");
  return *e;
}

domain::TicketType type_or_404(store::Connection& c, const Principal& p, int64_t id, bool lock = false) {
  auto t = store::find_ticket_type(c, p.organisation.id, id, lock);
  if (!t) throw not_found("ticket type");
  return *t;
}

void apply(domain::Event& e, const EventInput& in) {
  if (in.name) e.name = domain::trim(*in.name);
  if (in.venue) e.venue = domain::trim(*in.venue);
  if (in.starts_at) e.starts_at = *in.starts_at;
  if (in.ends_at) e.ends_at = *in.ends_at;
  if (in.archived) e.archived = *in.archived;
}

void apply(domain::TicketType& t, const TicketTypeInput& in) {
  if (in.name) t.name = domain::trim(*in.name);
  if (in.price) t.price = *in.price;
  if (in.fee) t.fee = *in.fee;
  if (in.capacity) t.capacity = *in.capacity;
  if (in.fields) {
    t.fields = *in.fields;
    for (auto& f : t.fields) {
      f.label = domain::trim(f.label);
      if (f.kind != "select") f.options.clear();
    }
  }
}

// The event's type ids in order, with `moved` placed at `position` (clamped).
std::vector<int64_t> order_with(const std::vector<domain::TicketType>& types, int64_t moved, int64_t position) {
  std::vector<int64_t> ids;
  for (const auto& t : types)
    if (t.id != moved) ids.push_back(t.id);
  auto at = std::clamp<int64_t>(position, 0, static_cast<int64_t>(ids.size()));
  ids.insert(ids.begin() + at, moved);
  return ids;
}
}  // namespace

std::vector<domain::EventSummary> list_events(Context& ctx, const Principal& p, bool counts) {
  auto c = ctx.db.acquire();
  return store::list_events(*c, p.organisation.id, counts);
}

EventDetail get_event(Context& ctx, const Principal& p, int64_t event_id) {
  auto c = ctx.db.acquire();
  auto e = event_or_404(*c, p, event_id);
  return {e, store::list_ticket_types(*c, p.organisation.id, event_id)};
}

EventDetail create_event(Context& ctx, const Principal& p, const EventInput& in) {
  require(p, domain::Permission::manage_events);
  domain::FieldErrors missing;
  if (!in.name) missing["name"] = "Required.";
  if (!in.starts_at) missing["starts_at"] = "Required.";
  if (!in.ends_at) missing["ends_at"] = "Required.";
  throw_if(missing);
  domain::Event e;
  apply(e, in);
  throw_if(domain::check_event(e));
  auto now = ctx.clock.now();
  auto c = ctx.db.acquire();
  store::Transaction tx(*c);
  if (store::count_events(*c, p.organisation.id) >= kMaxEventsPerOrganisation)
    throw Error("too_many_events", "This organisation has too many events; delete unused ones first.");
  e.id = store::insert_event(*c, p.organisation.id, e, now);
  record_audit(*c, p, "event", e.id, e.name, "created", changes_between(nullptr, audit_json(e)), now);
  auto detail = EventDetail{event_or_404(*c, p, e.id), {}};
  tx.commit();
  return detail;
}

EventDetail update_event(Context& ctx, const Principal& p, int64_t event_id, const EventInput& in) {
  require(p, domain::Permission::manage_events);
  auto now = ctx.clock.now();
  auto c = ctx.db.acquire();
  store::Transaction tx(*c);
  auto before = event_or_404(*c, p, event_id, true).event;
  auto e = before;
  apply(e, in);
  throw_if(domain::check_event(e));
  auto changes = changes_between(audit_json(before), audit_json(e));
  if (!changes.empty()) {
    store::update_event(*c, p.organisation.id, e);
    record_audit(*c, p, "event", e.id, e.name, "updated", changes, now);
  }
  EventDetail detail{event_or_404(*c, p, event_id), store::list_ticket_types(*c, p.organisation.id, event_id)};
  tx.commit();
  return detail;
}

void delete_event(Context& ctx, const Principal& p, int64_t event_id) {
  require(p, domain::Permission::manage_events);
  auto now = ctx.clock.now();
  auto c = ctx.db.acquire();
  store::Transaction tx(*c);
  auto e = event_or_404(*c, p, event_id, true);
  if (e.orders > 0)
    throw Error("event_has_orders",
                "This event has " + std::to_string(e.orders) + " order(s) and cannot be deleted. Archive it instead.");
  json values = audit_json(e.event);
  json types = json::array();
  for (const auto& t : store::list_ticket_types(*c, p.organisation.id, event_id)) types.push_back(t.name);
  values["ticket_types"] = types;
  store::delete_event(*c, p.organisation.id, event_id);
  record_audit(*c, p, "event", event_id, e.event.name, "deleted", changes_between(values, nullptr), now);
  tx.commit();
}

std::vector<domain::TicketType> list_ticket_types(Context& ctx, const Principal& p, int64_t event_id) {
  auto c = ctx.db.acquire();
  event_or_404(*c, p, event_id);
  return store::list_ticket_types(*c, p.organisation.id, event_id);
}

domain::TicketType get_ticket_type(Context& ctx, const Principal& p, int64_t id) {
  auto c = ctx.db.acquire();
  return type_or_404(*c, p, id);
}

domain::TicketType create_ticket_type(Context& ctx, const Principal& p, int64_t event_id, const TicketTypeInput& in) {
  require(p, domain::Permission::manage_events);
  domain::FieldErrors missing;
  if (!in.name) missing["name"] = "Required.";
  if (!in.price) missing["price"] = "Required.";
  if (!in.capacity) missing["capacity"] = "Required.";
  auto now = ctx.clock.now();
  auto c = ctx.db.acquire();
  store::Transaction tx(*c);
  event_or_404(*c, p, event_id, true);
  throw_if(missing);
  domain::TicketType t;
  t.event_id = event_id;
  apply(t, in);
  throw_if(domain::check_ticket_type(t));
  auto types = store::list_ticket_types(*c, p.organisation.id, event_id);
  if (static_cast<int64_t>(types.size()) >= kMaxTicketTypesPerEvent)
    throw Error("too_many_ticket_types",
                "An event has at most " + std::to_string(kMaxTicketTypesPerEvent) + " ticket types.");
  t.position = static_cast<int>(types.size());
  t.id = store::insert_ticket_type(*c, p.organisation.id, t, now);
  if (in.position && *in.position < t.position) {
    types.push_back(t);
    auto ids = order_with(types, t.id, *in.position);
    store::set_ticket_type_positions(*c, p.organisation.id, ids);
    t.position = static_cast<int>(std::find(ids.begin(), ids.end(), t.id) - ids.begin());
  }
  record_audit(*c, p, "ticket_type", t.id, t.name, "created", changes_between(nullptr, audit_json(t)), now);
  tx.commit();
  return t;
}

domain::TicketType update_ticket_type(Context& ctx, const Principal& p, int64_t id, const TicketTypeInput& in) {
  require(p, domain::Permission::manage_events);
  auto now = ctx.clock.now();
  auto c = ctx.db.acquire();
  store::Transaction tx(*c);
  auto before = type_or_404(*c, p, id, true);
  auto t = before;
  apply(t, in);
  throw_if(domain::check_ticket_type(t));
  if (in.position) {
    auto ids = order_with(store::list_ticket_types(*c, p.organisation.id, t.event_id), t.id, *in.position);
    t.position = static_cast<int>(std::find(ids.begin(), ids.end(), t.id) - ids.begin());
    if (t.position != before.position) store::set_ticket_type_positions(*c, p.organisation.id, ids);
  }
  auto changes = changes_between(audit_json(before), audit_json(t));
  if (!changes.empty()) {
    store::update_ticket_type(*c, p.organisation.id, t);
    record_audit(*c, p, "ticket_type", t.id, t.name, "updated", changes, now);
  }
  tx.commit();
  return t;
}

std::vector<domain::TicketType> reorder_ticket_types(Context& ctx, const Principal& p, int64_t event_id,
                                                     const std::vector<int64_t>& ids) {
  require(p, domain::Permission::manage_events);
  auto now = ctx.clock.now();
  auto c = ctx.db.acquire();
  store::Transaction tx(*c);
  auto event = event_or_404(*c, p, event_id, true);
  auto types = store::list_ticket_types(*c, p.organisation.id, event_id);
  std::vector<int64_t> before;
  for (const auto& t : types) before.push_back(t.id);
  auto sorted_before = before, sorted_new = ids;
  std::sort(sorted_before.begin(), sorted_before.end());
  std::sort(sorted_new.begin(), sorted_new.end());
  if (sorted_before != sorted_new)
    throw validation_failed({{"ids", "List every ticket type of this event exactly once."}});
  if (before != ids) {
    store::set_ticket_type_positions(*c, p.organisation.id, ids);
    record_audit(*c, p, "event", event_id, event.event.name, "ticket_types_reordered",
                 json{{"ticket_type_order", {{"old", before}, {"new", ids}}}}, now);
  }
  auto out = store::list_ticket_types(*c, p.organisation.id, event_id);
  tx.commit();
  return out;
}

void delete_ticket_type(Context& ctx, const Principal& p, int64_t id) {
  require(p, domain::Permission::manage_events);
  auto now = ctx.clock.now();
  auto c = ctx.db.acquire();
  store::Transaction tx(*c);
  auto t = type_or_404(*c, p, id, true);
  if (store::ticket_type_has_tickets(*c, id))
    throw Error("ticket_type_has_tickets", "Tickets of this type exist, so it cannot be deleted.");
  store::delete_ticket_type(*c, p.organisation.id, id);
  std::vector<int64_t> rest;
  for (const auto& other : store::list_ticket_types(*c, p.organisation.id, t.event_id)) rest.push_back(other.id);
  store::set_ticket_type_positions(*c, p.organisation.id, rest);
  record_audit(*c, p, "ticket_type", id, t.name, "deleted", changes_between(audit_json(t), nullptr), now);
  tx.commit();
}

}  // namespace bo::services
