#include "store/audit.hpp"

namespace bo::store {

int64_t insert_audit(Connection& c, int64_t org_id, const AuditEntry& e) {
  return c.select("INSERT INTO audit_log (organisation_id, at, actor_kind, actor_id, actor_name, entity, entity_id, action, "
             "data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
             org_id, e.at, e.actor.kind, e.actor.id, e.actor.name, e.entity, e.entity_id, e.action, e.data)[0]
      .i64(0);
}

std::vector<AuditEntry> list_audit(Connection& c, int64_t org_id, const AuditFilter& f) {
  std::string sql =
      "SELECT id, at, actor_kind, actor_id, actor_name, entity, entity_id, action, data FROM audit_log "
      "WHERE organisation_id = ?";
  std::vector<Param> params{org_id};
  if (f.entity) {
    sql += " AND entity = ?";
    params.emplace_back(*f.entity);
  }
  if (f.entity_id) {
    sql += " AND entity_id = ?";
    params.emplace_back(*f.entity_id);
  }
  if (f.before_id) {
    sql += " AND id < ?";
    params.emplace_back(*f.before_id);
  }
  sql += " ORDER BY id DESC LIMIT ?";
  params.emplace_back(static_cast<int64_t>(f.limit));
  std::vector<AuditEntry> out;
  for (const auto& r : c.query(sql, params)) {
    Fields f(r);
    AuditEntry e;
    e.id = f.i64();
    e.at = f.i64();
    e.actor = domain::Actor{f.text(), f.opt_i64(), f.text()};
    e.entity = f.text();
    e.entity_id = f.opt_i64();
    e.action = f.text();
    e.data = f.text();
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace bo::store
