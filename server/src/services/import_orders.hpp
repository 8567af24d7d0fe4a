#pragma once
// Import Orders (SPEC §5): validate a CSV file against the organisation, preview it, and commit it in
// one transaction. The same steps serve the API (file stored in `imports`, worked on in the
// background), the worker and the command line.
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "imports/order_plan.hpp"
#include "services/auth.hpp"
#include "services/context.hpp"
#include "store/imports.hpp"

namespace bo::services {

// ---- Steps ------------------------------------------------------------------------------------------

struct Validation {
  imports::Catalog catalog;
  std::unique_ptr<imports::Plan> plan;
  imports::Summary summary;
  bool ok() const { return plan->errors.empty(); }
};

// Reads and checks every row (nothing is written): catalog, existing order_refs, capacity, preview.
// The plan points into `file`: keep it alive with the result.
Validation validate_import(store::Connection& c, const domain::Organisation& org, std::string_view file, int64_t now,
                           const imports::ProgressFn& progress = {});

struct CommitOptions {
  std::optional<int64_t> import_id;  // the `imports` row, set to committed in the same transaction
  std::string file_name;
  domain::Actor actor;
  bool send_emails = false;
  int64_t now = 0;
};

struct CommitResult {
  bool committed = false;  // false: the checks inside the transaction failed (see the plan's errors)
  imports::Summary summary;            // what was created
  std::vector<std::string> numbers;    // the first 100 order numbers created
};

// Writes a validated plan in one transaction: orders (external_ref = order_ref, source import), their
// contact, tickets, a payment, `issued` counters and an `order_imported` history entry each. Inside the
// transaction it checks again which order_refs exist (those are skipped) and the capacity; when the
// capacity no longer suffices nothing is written and the errors are added to the plan. With
// `send_emails`, each new paid order's ticket e-mail is queued in the outbox in the same transaction.
// Progress reports the phase "writing" only (no database work may happen in the callback).
CommitResult commit_import(store::Connection& c, const domain::Organisation& org, Validation& v,
                           const CommitOptions& options, const imports::ProgressFn& progress = {});

// JSON (as stored in `imports` and served by the API) of a preview and of errors.
std::string summary_json(const Validation& v, const imports::Summary& s);
std::string errors_json(std::vector<imports::RowError> const& errors);

// ---- Use cases of the API (admin only) -------------------------------------------------------------

// Stores the file and queues its validation. Throws Error validation_failed (not a UTF-8 CSV text, with
// the line), payload_too_large, import_in_progress (the organisation already runs one), forbidden.
domain::ImportRecord upload_import(Context& ctx, const Principal& p, std::string file_name, const std::string& content,
                               bool send_emails);

struct ImportView {
  domain::ImportRecord row;
  std::optional<imports::Progress> live;  // progress of a step running in this process
};
ImportView get_import(Context& ctx, const Principal& p, int64_t id);
std::vector<ImportView> list_imports(Context& ctx, const Principal& p, int limit = 50);
// Queues the commit of a `ready` import. Throws not_found, import_not_ready, import_in_progress.
ImportView request_import_commit(Context& ctx, const Principal& p, int64_t id, std::optional<bool> send_emails);

// ---- Background work ---------------------------------------------------------------------------------

inline constexpr int64_t kImportLeaseSeconds = 15;

// Validates or commits the next waiting import (or resets one whose worker stopped). False when idle.
bool run_next_import(Context& ctx);

// Progress of import steps running in this process, for readers of the same process.
void publish_import_progress(int64_t id, const imports::Progress& p);
void clear_import_progress(int64_t id);
std::optional<imports::Progress> live_import_progress(int64_t id);

}  // namespace bo::services
