#include "services/audit.hpp"

#include "services/orders.hpp"

namespace bo::services {
using nlohmann::json;

json changes_between(const json& before, const json& after) {
  json out = json::object();
  auto field = [](const json& obj, const std::string& key) {
    return obj.is_object() && obj.contains(key) ? obj[key] : json(nullptr);
  };
  auto note = [&](const std::string& key) {
    auto o = field(before, key), n = field(after, key);
    if (o != n) out[key] = {{"old", o}, {"new", n}};
  };
  if (before.is_object())
    for (const auto& [key, _] : before.items()) note(key);
  if (after.is_object())
    for (const auto& [key, _] : after.items())
      if (!out.contains(key)) note(key);
  return out;
}

void record_audit(store::Connection& c, const Principal& p, std::string_view entity, std::optional<int64_t> entity_id,
                  std::string_view label, std::string_view action, const json& changes, int64_t now) {
  domain::AuditEntry e;
  e.at = now;
  e.actor = p.actor();
  e.entity = entity;
  e.entity_id = entity_id;
  e.action = action;
  e.data = json{{"label", label}, {"changes", changes}}.dump(-1, ' ', false, json::error_handler_t::replace);
  store::insert_audit(c, p.organisation.id, e);
}

std::vector<domain::AuditEntry> audit_log(Context& ctx, const Principal& p, const domain::AuditFilter& f) {
  require(p, domain::Permission::read_audit_log);
  auto c = ctx.db.acquire();
  return store::list_audit(*c, p.organisation.id, f);
}

}  // namespace bo::services
