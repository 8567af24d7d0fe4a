#include "store/events.hpp"

#include "store/json_columns.hpp"

namespace bo::store {
namespace {
constexpr const char* kEventSelect =
    "SELECT e.id, e.name, e.venue, e.starts_at, e.ends_at, e.archived, "
    "(SELECT COUNT(*) FROM orders o WHERE o.organisation_id = e.organisation_id AND o.event_id = e.id), "
    "(SELECT COALESCE(SUM(t.issued), 0) FROM ticket_types t WHERE t.event_id = e.id), "
    "(SELECT COALESCE(SUM(t.capacity), 0) FROM ticket_types t WHERE t.event_id = e.id), "
    "(SELECT COUNT(*) FROM ticket_types t WHERE t.event_id = e.id) "
    "FROM events e ";

EventSummary read_event(const Row& r) {
  EventSummary s;
  Fields f(r);
  s.event = domain::Event{f.i64(), f.text(), f.text(), f.i64(), f.i64(), f.boolean()};
  s.orders = f.i64();
  s.tickets_sold = f.i64();
  s.capacity = f.i64();
  s.ticket_types = f.i64();
  return s;
}

constexpr const char* kTypeSelect =
    "SELECT id, event_id, name, price, fee, capacity, issued, personalisation_fields, position "
    "FROM ticket_types ";

domain::TicketType read_type(const Row& r) {
  domain::TicketType t;
  Fields f(r);
  t.id = f.i64();
  t.event_id = f.i64();
  t.name = f.text();
  t.price = f.i64();
  t.fee = f.i64();
  t.capacity = f.i64();
  t.issued = f.i64();
  t.fields = parse_fields(f.text());
  t.position = static_cast<int>(f.i64());
  return t;
}
}  // namespace

std::vector<EventSummary> list_events(Connection& c, int64_t org_id, bool counts) {
  std::vector<EventSummary> out;
  const std::string order = "WHERE e.organisation_id = ? ORDER BY e.starts_at DESC, e.id DESC";
  if (!counts) {
    for (const auto& r : c.select("SELECT e.id, e.name, e.venue, e.starts_at, e.ends_at, e.archived FROM events e " + order,
                             org_id)) {
      EventSummary s;
      Fields f(r);
      s.event = domain::Event{f.i64(), f.text(), f.text(), f.i64(), f.i64(), f.boolean()};
      s.counted = false;
      out.push_back(std::move(s));
    }
    return out;
  }
  for (const auto& r : c.select(std::string(kEventSelect) + order, org_id)) out.push_back(read_event(r));
  return out;
}

std::optional<EventSummary> find_event(Connection& c, int64_t org_id, int64_t event_id, bool lock) {
  if (lock) c.select(std::string("SELECT id FROM events WHERE id = ? AND organisation_id = ?") + c.for_update(), event_id, org_id);
  auto r = c.select_one(std::string(kEventSelect) + "WHERE e.id = ? AND e.organisation_id = ?", event_id, org_id);
  if (!r) return std::nullopt;
  return read_event(*r);
}

void recount_issued(Connection& c) {
  c.run("UPDATE ticket_types SET issued = (SELECT COUNT(*) FROM tickets t WHERE t.ticket_type_id = ticket_types.id "
      "AND t.status = 'valid')");
}

int64_t count_events(Connection& c, int64_t org_id) {
  return c.select("SELECT COUNT(*) FROM events WHERE organisation_id = ?", org_id)[0].i64(0);
}

int64_t insert_event(Connection& c, int64_t org_id, const domain::Event& e, int64_t now) {
  return c.select("INSERT INTO events (organisation_id, name, venue, starts_at, ends_at, archived, created_at) "
             "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
             org_id, e.name, e.venue, e.starts_at, e.ends_at, e.archived, now)[0]
      .i64(0);
}

void update_event(Connection& c, int64_t org_id, const domain::Event& e) {
  c.run("UPDATE events SET name = ?, venue = ?, starts_at = ?, ends_at = ?, archived = ? "
      "WHERE id = ? AND organisation_id = ?",
      e.name, e.venue, e.starts_at, e.ends_at, e.archived, e.id, org_id);
}

void delete_event(Connection& c, int64_t org_id, int64_t event_id) {
  c.run("DELETE FROM ticket_types WHERE event_id = ? AND organisation_id = ?", event_id, org_id);
  c.run("DELETE FROM events WHERE id = ? AND organisation_id = ?", event_id, org_id);
}

std::vector<domain::TicketType> list_ticket_types(Connection& c, int64_t org_id, int64_t event_id) {
  std::vector<domain::TicketType> out;
  for (const auto& r : c.select(std::string(kTypeSelect) + "WHERE event_id = ? AND organisation_id = ? ORDER BY position, id",
                           event_id, org_id))
    out.push_back(read_type(r));
  return out;
}

std::vector<domain::TicketType> all_ticket_types(Connection& c, int64_t org_id, bool lock) {
  std::vector<domain::TicketType> out;
  std::string sql = std::string(kTypeSelect) + "WHERE organisation_id = ? ORDER BY event_id, position, id";
  if (lock) sql += c.for_update();
  for (const auto& r : c.select(sql, org_id)) out.push_back(read_type(r));
  return out;
}

std::optional<domain::TicketType> find_ticket_type(Connection& c, int64_t org_id, int64_t id, bool lock) {
  auto r = c.select_one(std::string(kTypeSelect) + "WHERE id = ? AND organisation_id = ?" + (lock ? c.for_update() : ""),
                 id, org_id);
  if (!r) return std::nullopt;
  return read_type(*r);
}

int64_t insert_ticket_type(Connection& c, int64_t org_id, const domain::TicketType& t, int64_t now) {
  return c.select("INSERT INTO ticket_types (organisation_id, event_id, name, price, fee, capacity, personalisation_fields, "
             "position, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
             org_id, t.event_id, t.name, t.price, t.fee, t.capacity, fields_json(t.fields), t.position, now)[0]
      .i64(0);
}

void update_ticket_type(Connection& c, int64_t org_id, const domain::TicketType& t) {
  c.run("UPDATE ticket_types SET name = ?, price = ?, fee = ?, capacity = ?, personalisation_fields = ?, position = ? "
      "WHERE id = ? AND organisation_id = ?",
      t.name, t.price, t.fee, t.capacity, fields_json(t.fields), t.position, t.id, org_id);
}

void set_ticket_type_positions(Connection& c, int64_t org_id, const std::vector<int64_t>& ids) {
  for (size_t i = 0; i < ids.size(); ++i)
    c.run("UPDATE ticket_types SET position = ? WHERE id = ? AND organisation_id = ?", static_cast<int64_t>(i), ids[i],
        org_id);
}

bool ticket_type_has_tickets(Connection& c, int64_t ticket_type_id) {
  return c.select_one("SELECT 1 FROM tickets WHERE ticket_type_id = ? LIMIT 1", ticket_type_id).has_value();
}

void delete_ticket_type(Connection& c, int64_t org_id, int64_t id) {
  c.run("DELETE FROM ticket_types WHERE id = ? AND organisation_id = ?", id, org_id);
}

}  // namespace bo::store
