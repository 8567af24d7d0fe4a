#include "store/webhook_events.hpp"

namespace bo::store {

Recorded record_webhook_event(Connection& c, const WebhookEvent& e, int64_t now, int64_t max_waiting) {
  if (count_webhook_events(c) >= max_waiting) return Recorded::full;
  auto added = c.run("INSERT INTO webhook_events (provider, kind, resource, received_at, next_attempt_at) "
                   "VALUES (?, ?, ?, ?, ?) ON CONFLICT (provider, kind, resource) DO NOTHING",
                   e.provider, e.kind, e.resource, now, now);
  return added > 0 ? Recorded::added : Recorded::already_waiting;
}

std::vector<WebhookEvent> claim_due_webhook_events(Connection& c, int64_t now, int64_t lease, int limit) {
  Transaction tx(c);
  std::vector<WebhookEvent> out;
  std::string sql =
      "SELECT id, provider, kind, resource FROM webhook_events WHERE next_attempt_at <= ? "
      "ORDER BY next_attempt_at, id LIMIT ?";
  if (c.dialect() == Dialect::postgresql) sql += " FOR UPDATE SKIP LOCKED";
  for (const auto& row : c.select(sql, now, static_cast<int64_t>(limit))) {
    Fields f(row);
    out.push_back({f.i64(), f.text(), f.text(), f.text()});
    c.run("UPDATE webhook_events SET next_attempt_at = ? WHERE id = ?", now + lease, out.back().id);
  }
  tx.commit();
  return out;
}

void delete_webhook_event(Connection& c, int64_t id) { c.run("DELETE FROM webhook_events WHERE id = ?", id); }

void postpone_webhook_event(Connection& c, int64_t id, int64_t next_attempt_at) {
  c.run("UPDATE webhook_events SET next_attempt_at = ? WHERE id = ?", next_attempt_at, id);
}

int64_t count_webhook_events(Connection& c) { return c.select("SELECT COUNT(*) FROM webhook_events")[0].i64(0); }

std::vector<int64_t> pending_refunds_named_by(Connection& c, const WebhookEvent& e) {
  std::vector<int64_t> ids;
  Rows rows = e.kind == "payment"
                  ? c.select("SELECT r.id FROM payments p JOIN refunds r ON r.payment_id = p.id "
                        "WHERE p.provider = ? AND p.provider_ref = ? AND r.provider = ? AND r.status = 'pending' "
                        "AND r.provider_ref IS NOT NULL ORDER BY r.id LIMIT 100",
                        e.provider, e.resource, e.provider)
                  : c.select("SELECT id FROM refunds WHERE provider = ? AND provider_ref = ? AND status = 'pending' "
                        "ORDER BY id LIMIT 100",
                        e.provider, e.resource);
  for (const auto& r : rows) ids.push_back(r.i64(0));
  return ids;
}

}  // namespace bo::store
