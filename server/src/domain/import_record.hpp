#pragma once
// An import: its file, status, progress, preview and errors.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <unordered_set>
#include <vector>

#include "domain/order.hpp"
#include "domain/states.hpp"

namespace bo::domain {

struct ImportRecord {
  int64_t id = 0, organisation_id = 0, size = 0, progress_done = 0, progress_total = 0, error_count = 0;
  int64_t created_at = 0, updated_at = 0;
  std::string file_name, phase;
  ImportStatus status = ImportStatus::validating;
  std::string summary, errors, created_orders;  // JSON
  bool send_emails = false, has_content = false;
  std::optional<std::string> message;
  std::optional<int64_t> locked_until, committed_at;
  Actor created_by;
  std::optional<Actor> committed_by;
};

}  // namespace bo::domain
