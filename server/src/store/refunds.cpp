#include "store/refunds.hpp"
#include "store/states.hpp"

#include "store/json_columns.hpp"

namespace bo::store {
namespace {
constexpr const char* kColumns =
    "r.id, r.organisation_id, r.order_id, r.amount, r.provider_attempts, r.status, r.provider, r.provider_state, "
    "r.provider_key, r.currency, r.reason, r.provider_ref, r.request_hash, p.provider_ref, r.ticket_ids, "
    "r.keep_tickets_valid, r.cancels_order, r.notify_customer, r.error, r.created_by_kind, r.created_by_id, "
    "r.created_by_name FROM refunds r LEFT JOIN payments p ON p.id = r.payment_id ";

RefundRow read(const Row& x) {
  RefundRow r;
  Fields f(x);
  r.id = f.i64();
  r.organisation_id = f.i64();
  r.order_id = f.i64();
  r.amount = f.i64();
  r.provider_attempts = f.i64();
  r.status = read_state<domain::RefundStatus>(f.text());
  r.provider = f.text();
  r.provider_state = f.text();
  r.provider_key = f.text();
  r.currency = f.text();
  r.reason = f.text();
  r.provider_ref = f.opt_text();
  r.request_hash = f.opt_text();
  r.payment_ref = f.opt_text();
  r.ticket_ids = parse_ids(f.text());
  r.keep_tickets_valid = f.boolean();
  r.cancels_order = f.boolean();
  r.notify_customer = f.boolean();
  r.error = f.opt_text();
  r.created_by = domain::Actor{f.text(), f.opt_i64(), f.text()};
  return r;
}

std::optional<RefundRow> one_refund(Connection& c, const std::string& where, std::initializer_list<Param> ps) {
  auto rows = c.query(std::string("SELECT ") + kColumns + where, std::span<const Param>(ps.begin(), ps.size()));
  if (rows.empty()) return std::nullopt;
  return read(rows[0]);
}
}  // namespace

int64_t insert_refund(Connection& c, const NewRefund& r, int64_t now) {
  return c.select("INSERT INTO refunds (organisation_id, order_id, payment_id, amount, currency, ticket_ids, "
             "keep_tickets_valid, reason, method, provider, status, provider_state, next_attempt_at, "
             "idempotency_key, request_hash, provider_key, cancels_order, notify_customer, created_by_kind, "
             "created_by_id, created_by_name, created_at, completed_at, provider_ref) "
             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
             r.organisation_id, r.order_id, r.payment_id, r.amount, r.currency, ids_json(r.ticket_ids),
             r.keep_tickets_valid, r.reason, r.method, r.provider, to_string(r.status), r.provider_state, r.next_attempt_at,
             r.idempotency_key, r.request_hash, r.provider_key, r.cancels_order, r.notify_customer,
             r.created_by.kind, r.created_by.id, r.created_by.name, now, r.completed_at, r.provider_ref)[0]
      .i64(0);
}

std::optional<RefundRow> find_refund(Connection& c, int64_t id, bool lock) {
  return one_refund(c, std::string("WHERE r.id = ?") + (lock && c.dialect() == Dialect::postgresql ? " FOR UPDATE OF r" : ""),
                    {id});
}

std::optional<RefundRow> find_refund_by_key(Connection& c, int64_t org_id, std::string_view key) {
  return one_refund(c, "WHERE r.organisation_id = ? AND r.idempotency_key = ?", {org_id, key});
}

std::optional<RefundRow> find_refund_by_provider_ref(Connection& c, std::string_view provider, std::string_view ref) {
  return one_refund(c, "WHERE r.provider = ? AND r.provider_ref = ?", {provider, ref});
}

std::vector<RefundRow> claim_due_refunds(Connection& c, int64_t now, int64_t lease, int limit) {
  Transaction tx(c);
  std::vector<RefundRow> out;
  std::string sql = std::string("SELECT ") + kColumns +
                    "WHERE r.status = 'pending' AND r.next_attempt_at IS NOT NULL AND r.next_attempt_at <= ? "
                    "ORDER BY r.next_attempt_at, r.id LIMIT ?";
  if (c.dialect() == Dialect::postgresql) sql += " FOR UPDATE OF r SKIP LOCKED";
  for (const auto& row : c.select(sql, now, static_cast<int64_t>(limit))) {
    out.push_back(read(row));
    c.run("UPDATE refunds SET next_attempt_at = ? WHERE id = ?", now + lease, out.back().id);
  }
  tx.commit();
  return out;
}

void set_refund_submitted(Connection& c, int64_t id, const std::string& provider_ref, std::optional<int64_t> next_check) {
  c.run("UPDATE refunds SET provider_state = 'submitted', provider_ref = ?, next_attempt_at = ?, error = NULL, "
      "provider_attempts = provider_attempts + 1 WHERE id = ? AND status = 'pending'",
      provider_ref, next_check, id);
}

void set_refund_next_check(Connection& c, int64_t id, int64_t at) {
  c.run("UPDATE refunds SET next_attempt_at = ? WHERE id = ? AND status = 'pending'", at, id);
}

void set_refund_retry(Connection& c, int64_t id, int64_t next, const std::string& error) {
  c.run("UPDATE refunds SET next_attempt_at = ?, error = ?, provider_attempts = provider_attempts + 1 "
      "WHERE id = ? AND status = 'pending'",
      next, error, id);
}

bool finish_refund(Connection& c, int64_t id, domain::RefundStatus status, const std::optional<std::string>& error,
                   const std::optional<std::string>& provider_ref, int64_t now) {
  return c.run("UPDATE refunds SET status = ?, error = ?, provider_ref = COALESCE(provider_ref, ?), completed_at = ?, "
             "next_attempt_at = NULL, provider_state = 'submitted' WHERE id = ? AND status = 'pending'",
             to_string(status), error, provider_ref, now, id) == 1;
}

void set_tickets_status(Connection& c, int64_t order_id, const std::vector<int64_t>& ticket_ids,
                        domain::TicketStatus from, domain::TicketStatus to) {
  for (auto id : ticket_ids) {
    auto type = c.select_one("SELECT ticket_type_id FROM tickets WHERE id = ? AND order_id = ? AND status = ?", id, order_id,
                             to_string(from));
    if (!type) continue;
    c.run("UPDATE tickets SET status = ? WHERE id = ?", to_string(to), id);
    int64_t delta = (to == domain::TicketStatus::valid) - (from == domain::TicketStatus::valid);
    if (delta) c.run("UPDATE ticket_types SET issued = issued + ? WHERE id = ?", delta, type->i64(0));
  }
}

void set_order_status(Connection& c, int64_t order_id, domain::OrderStatus status, int64_t now) {
  c.run("UPDATE orders SET status = ?, version = version + 1, updated_at = ?, "
      "cancelled_at = CASE WHEN ? = 'cancelled' THEN ? ELSE cancelled_at END, "
      "amount_due = CASE WHEN ? = 'cancelled' THEN 0 ELSE amount_due END WHERE id = ?",
      to_string(status), now, to_string(status), now, to_string(status), order_id);
}

}  // namespace bo::store
