#pragma once
// The audit log of organisation setup: append-only, read newest first.
#include <optional>
#include <string>
#include <vector>

#include "domain/order.hpp"
#include "store/db.hpp"

namespace bo::store {

struct AuditEntry {
  int64_t id = 0, at = 0;
  domain::Actor actor;
  std::string entity, action;
  std::optional<int64_t> entity_id;
  std::string data;  // JSON
};

int64_t insert_audit(Connection& c, int64_t org_id, const AuditEntry& e);

struct AuditFilter {
  std::optional<std::string> entity;
  std::optional<int64_t> entity_id, before_id;
  int limit = 50;
};
std::vector<AuditEntry> list_audit(Connection& c, int64_t org_id, const AuditFilter& f);

}  // namespace bo::store
