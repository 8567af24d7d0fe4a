#pragma once
// Recording changes to organisation setup (who, when, entity, action, old → new) and reading them back.
#include <optional>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "services/auth.hpp"
#include "services/context.hpp"
#include "store/audit.hpp"

namespace bo::services {

// {"<field>": {"old": …, "new": …}} for every field whose value differs between two JSON objects;
// a missing object (null) counts as all fields null.
nlohmann::json changes_between(const nlohmann::json& before, const nlohmann::json& after);

// Appends {"label": label, "changes": changes} in the caller's transaction; `label` names the entity as
// people know it (an event's name, a user's e-mail).
void record_audit(store::Connection& c, const Principal& p, std::string_view entity, std::optional<int64_t> entity_id,
                  std::string_view label, std::string_view action, const nlohmann::json& changes, int64_t now);

// Admin only.
std::vector<domain::AuditEntry> audit_log(Context& ctx, const Principal& p, const domain::AuditFilter& f);

}  // namespace bo::services
