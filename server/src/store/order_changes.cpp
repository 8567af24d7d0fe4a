#include "store/order_changes.hpp"

#include "store/events.hpp"
#include "store/json_columns.hpp"

namespace bo::store {

domain::ChangeCatalog change_catalog(Connection& c, int64_t org_id) {
  domain::ChangeCatalog out;
  for (auto& t : all_ticket_types(c, org_id)) out.types.emplace(t.id, std::move(t));
  for (const auto& r : c.select("SELECT id, name, venue, starts_at, ends_at, archived FROM events WHERE organisation_id = ?",
                                org_id)) {
    Fields f(r);
    domain::Event e{f.i64(), f.text(), f.text(), f.i64(), f.i64(), f.boolean()};
    out.events.emplace(e.id, std::move(e));
  }
  return out;
}

bool take_capacity(Connection& c, int64_t ticket_type_id, int64_t more) {
  if (more <= 0) return c.run("UPDATE ticket_types SET issued = issued + ? WHERE id = ?", more, ticket_type_id) == 1;
  return c.run("UPDATE ticket_types SET issued = issued + ? WHERE id = ? AND issued + ? <= capacity", more,
               ticket_type_id, more) == 1;
}

void change_ticket(Connection& c, int64_t ticket_id, const domain::ChangeLine& l, const std::string& barcode) {
  c.run("UPDATE tickets SET ticket_type_id = ?, price = ?, fee = ?, barcode = ?, attendee = ? WHERE id = ?",
        l.ticket_type_id, l.price, l.fee, barcode, attendee_json(l.attendee), ticket_id);
}

void cancel_ticket_by_change(Connection& c, int64_t ticket_id) {
  c.run("UPDATE tickets SET status = 'cancelled', price = 0, fee = 0 WHERE id = ?", ticket_id);
}

int64_t add_ticket(Connection& c, int64_t org_id, int64_t order_id, const domain::ChangeLine& l,
                   const std::string& barcode, std::optional<int64_t> paid_at, int64_t now) {
  return c.select("INSERT INTO tickets (organisation_id, order_id, ticket_type_id, price, fee, barcode, status, attendee, "
                  "created_at, paid_at) VALUES (?, ?, ?, ?, ?, ?, 'valid', ?, ?, ?) RETURNING id",
                  org_id, order_id, l.ticket_type_id, l.price, l.fee, barcode, attendee_json(l.attendee), now, paid_at)[0]
      .i64(0);
}

void retire_barcode(Connection& c, int64_t org_id, int64_t ticket_id, const std::string& barcode, int64_t now) {
  c.run("INSERT INTO retired_barcodes (barcode, organisation_id, ticket_id, retired_at) VALUES (?, ?, ?, ?)", barcode,
        org_id, ticket_id, now);
}

bool is_retired_barcode(Connection& c, int64_t org_id, std::string_view barcode) {
  return c.select_one("SELECT 1 FROM retired_barcodes WHERE barcode = ? AND organisation_id = ?", barcode, org_id)
      .has_value();
}

void save_order_after_change(Connection& c, int64_t order_id, int64_t event_id, int64_t due_change, int64_t credited,
                             int64_t now) {
  c.run("UPDATE orders SET event_id = ?, "
        "ticket_count = (SELECT COUNT(*) FROM tickets t WHERE t.order_id = orders.id AND t.status <> 'cancelled'), "
        "total_price = (SELECT COALESCE(SUM(t.price), 0) FROM tickets t WHERE t.order_id = orders.id), "
        "total_fees = (SELECT COALESCE(SUM(t.fee), 0) FROM tickets t WHERE t.order_id = orders.id), "
        "amount_due = amount_due + ?, amount_credited = amount_credited + ?, updated_at = ? WHERE id = ?",
        event_id, due_change, credited, now, order_id);
}

std::optional<ChangeRow> find_change_by_key(Connection& c, int64_t org_id, std::string_view key) {
  auto r = c.select_one("SELECT id, order_id, request_hash, result, refund_id, email_id FROM order_changes "
                        "WHERE organisation_id = ? AND idempotency_key = ?",
                        org_id, key);
  if (!r) return std::nullopt;
  Fields f(*r);
  return ChangeRow{f.i64(), f.i64(), f.text(), f.text(), f.opt_i64(), f.opt_i64()};
}

int64_t insert_change(Connection& c, const NewChange& n, int64_t now) {
  return c.select("INSERT INTO order_changes (organisation_id, order_id, idempotency_key, request_hash, difference, "
                  "refund_id, email_id, result, created_by_kind, created_by_id, created_at) "
                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                  n.organisation_id, n.order_id, n.idempotency_key, n.request_hash, n.difference, n.refund_id,
                  n.email_id, n.result, n.created_by.kind, n.created_by.id, now)[0]
      .i64(0);
}

namespace {
void tickets_paid_now(Connection& c, int64_t order_id, int64_t now) {
  c.run("UPDATE tickets SET paid_at = ? WHERE order_id = ? AND paid_at IS NULL", now, order_id);
}
}  // namespace

int64_t record_manual_payment(Connection& c, int64_t org_id, int64_t order_id, int64_t amount, const std::string& method,
                              const std::string& currency, const std::string& reference, int64_t now) {
  auto id = c.select("INSERT INTO payments (organisation_id, order_id, method, provider, provider_ref, amount, currency, "
                     "status, paid_at, created_at) VALUES (?, ?, ?, 'manual', ?, ?, ?, 'paid', ?, ?) RETURNING id",
                     org_id, order_id, method, reference, amount, currency, now, now)[0]
                .i64(0);
  c.run("UPDATE orders SET amount_due = amount_due - ?, updated_at = ? WHERE id = ?", amount, now, order_id);
  if (c.select("SELECT amount_due FROM orders WHERE id = ?", order_id)[0].i64(0) == 0) tickets_paid_now(c, order_id, now);
  return id;
}

void waive_due(Connection& c, int64_t order_id, int64_t now) {
  c.run("UPDATE orders SET amount_waived = amount_waived + amount_due, amount_due = 0, updated_at = ? WHERE id = ?", now,
        order_id);
  tickets_paid_now(c, order_id, now);
}

}  // namespace bo::store
