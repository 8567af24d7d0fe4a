#pragma once
// Entries of the organisation's audit log and the filter that lists them.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/order.hpp"

namespace bo::domain {

struct AuditEntry {
  int64_t id = 0, at = 0;
  Actor actor;
  std::string entity, action;
  std::optional<int64_t> entity_id;
  std::string data;  // JSON
};

struct AuditFilter {
  std::optional<std::string> entity;
  std::optional<int64_t> entity_id, before_id;
  int limit = 50;
};

}  // namespace bo::domain
