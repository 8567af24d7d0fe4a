#pragma once
// Order imports: the catalog rows are checked against, which order_refs and order numbers are taken,
// and the `imports` table (the stored file, its status, progress, preview and errors). Every function
// that reads an import takes the organisation id.
#include <optional>
#include <span>
#include <string>
#include <unordered_set>
#include <vector>

#include "domain/import_record.hpp"
#include "domain/order.hpp"
#include "domain/states.hpp"
#include "store/db.hpp"

namespace bo::store {
using domain::ImportRecord;

// Events (id and name) and ticket types of the organisation, types ordered by event, position and id. With
// `lock`, the ticket type rows are locked for the transaction (PostgreSQL) so that their `issued` counters
// stay as read.
struct CatalogRows {
  std::vector<domain::Event> events;
  std::vector<domain::TicketType> types;
};
CatalogRows load_catalog(Connection& c, int64_t org_id, bool lock = false);

// The subset of `refs` that are already order_refs of orders of the organisation.
std::unordered_set<std::string> existing_refs(Connection& c, int64_t org_id, std::span<const std::string_view> refs);

// The subset of `numbers` already used by orders.
std::unordered_set<std::string> taken_numbers(Connection& c, std::span<const std::string> numbers);

struct NewImport {
  int64_t organisation_id = 0;
  domain::Actor created_by;
  std::string file_name;
  std::optional<std::string_view> content;  // UTF-8 text; none for imports run by the command line
  int64_t size = 0;
  bool send_emails = false;
  domain::ImportStatus status = domain::ImportStatus::validating;
  std::optional<int64_t> locked_until;
};
int64_t insert_import(Connection& c, const NewImport& i, int64_t now);

std::optional<ImportRecord> find_import(Connection& c, int64_t org_id, int64_t id);
std::vector<ImportRecord> recent_imports(Connection& c, int64_t org_id, int limit);
std::optional<std::string> import_content(Connection& c, int64_t id);
// Whether the organisation has an import being validated or committed.
bool has_running_import(Connection& c, int64_t org_id);

// An import waiting for a worker: new (never claimed) or left by a worker whose lease ran out.
struct ClaimedImport {
  int64_t id = 0, organisation_id = 0;
  domain::ImportStatus status = domain::ImportStatus::validating;  // validating or committing
  bool interrupted = false;  // a worker had claimed it and stopped
  bool has_content = false;
};
// Claims the oldest such import until `lease_until`; nullopt when there is none.
std::optional<ClaimedImport> claim_import(Connection& c, int64_t now, int64_t lease_until);
// Within the commit transaction: locks the import row and returns its status.
std::optional<domain::ImportStatus> lock_import(Connection& c, int64_t id);

void save_progress(Connection& c, int64_t id, std::string_view phase, int64_t done, int64_t total,
                   std::optional<int64_t> lease_until, int64_t now);
// Ends validation: `ready` or `invalid` with the preview and the errors.
void save_validation(Connection& c, int64_t id, domain::ImportStatus status, const std::string& summary_json,
                     const std::string& errors_json, int64_t error_count, std::optional<std::string> message,
                     int64_t now);
// Sets the status and message and releases the import (no worker holds it afterwards).
void set_import_status(Connection& c, int64_t id, domain::ImportStatus status, std::optional<std::string> message,
                       int64_t now);
// Queues the commit; `lease_until` when the caller commits it itself (the command line).
void mark_commit_requested(Connection& c, int64_t id, const domain::Actor& by, bool send_emails, int64_t now,
                           std::optional<int64_t> lease_until = std::nullopt);
// Ends a commit (inside its transaction): the preview of what was created, the first order numbers,
// and the file is dropped.
void save_commit(Connection& c, int64_t id, const std::string& summary_json, const std::string& created_orders_json,
                 int64_t now);

}  // namespace bo::store
