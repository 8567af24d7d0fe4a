#pragma once
// The audit log of organisation setup: append-only, read newest first.
#include <optional>
#include <string>
#include <vector>

#include "domain/audit_entry.hpp"
#include "domain/order.hpp"
#include "store/db.hpp"

namespace bo::store {
using domain::AuditEntry;
using domain::AuditFilter;

int64_t insert_audit(Connection& c, int64_t org_id, const AuditEntry& e);

std::vector<AuditEntry> list_audit(Connection& c, int64_t org_id, const AuditFilter& f);

}  // namespace bo::store
