#include "store/imports.hpp"

#include "store/events.hpp"
#include "store/states.hpp"

#include <nlohmann/json.hpp>

#include "store/json_columns.hpp"

namespace bo::store {
namespace {
using nlohmann::json;

constexpr size_t kLookupChunk = 5000;

bool pg(const Connection& c) { return c.dialect() == Dialect::postgresql; }

// `column IN (…the JSON array bound as one parameter…)`, once per dialect.
std::string in_json_array(const Connection& c, std::string_view column) {
  if (pg(c)) return std::string(column) + " IN (SELECT json_array_elements_text(?::json))";
  return std::string(column) + " IN (SELECT value FROM json_each(?))";
}

std::string import_columns(bool with_errors) {
  return std::string("id, organisation_id, size, progress_done, progress_total, error_count, created_at, updated_at, "
                     "file_name, status, phase, summary, ") +
         (with_errors ? "errors" : "'[]'") +
         ", created_orders, send_emails, content IS NOT NULL, message, locked_until, committed_at, "
         "created_by_kind, created_by_id, created_by_name, committed_by_kind, committed_by_id, committed_by_name";
}

ImportRecord read_import(const Row& r) {
  ImportRecord i;
  Fields f(r);
  i.id = f.i64();
  i.organisation_id = f.i64();
  i.size = f.i64();
  i.progress_done = f.i64();
  i.progress_total = f.i64();
  i.error_count = f.i64();
  i.created_at = f.i64();
  i.updated_at = f.i64();
  i.file_name = f.text();
  i.status = read_state<domain::ImportStatus>(f.text());
  i.phase = f.text();
  i.summary = f.text();
  i.errors = f.text();
  i.created_orders = f.text();
  i.send_emails = f.boolean();
  i.has_content = f.boolean();
  i.message = f.opt_text();
  i.locked_until = f.opt_i64();
  i.committed_at = f.opt_i64();
  i.created_by = domain::Actor{f.text(), f.opt_i64(), f.text()};
  if (!f.null_next()) i.committed_by = domain::Actor{f.text(), f.opt_i64(), f.opt_text().value_or("")};
  return i;
}
}  // namespace

CatalogRows load_catalog(Connection& c, int64_t org_id, bool lock) {
  CatalogRows cat;
  for (const auto& r : c.select("SELECT id, name FROM events WHERE organisation_id = ? ORDER BY id", org_id)) {
    domain::Event e;
    Fields f(r);
    e.id = f.i64();
    e.name = f.text();
    cat.events.push_back(std::move(e));
  }
  cat.types = all_ticket_types(c, org_id, lock);
  return cat;
}

namespace {
// Values of `column` of the orders (of organisation `org`, when given) among which every one of `keys`
// that is there can be found: when there are no more orders than keys, all their values, read in one
// index scan; otherwise the keys found by looking them up a chunk at a time, each one an index seek.
std::unordered_set<std::string> present(Connection& c, std::string_view column, std::optional<int64_t> org,
                                        std::span<const std::string_view> keys) {
  std::unordered_set<std::string> found;
  const std::string scope = org ? " WHERE organisation_id = ?" : " WHERE 1 = 1";
  std::vector<Param> params;
  if (org) params.emplace_back(*org);
  auto count_params = params;
  count_params.emplace_back(static_cast<int64_t>(keys.size()) + 1);
  const auto orders =
      c.query("SELECT COUNT(*) FROM (SELECT 1 FROM orders" + scope + " LIMIT ?) AS o", count_params)[0].i64(0);
  if (orders == 0) return found;
  if (static_cast<size_t>(orders) <= keys.size()) {
    c.each("SELECT " + std::string(column) + " FROM orders" + scope, params, [&](const Row& r) {
      if (!r.null(0)) found.insert(r.text(0));
    });
    return found;
  }
  const std::string sql = "SELECT " + std::string(column) + " FROM orders" + scope + " AND " + in_json_array(c, column);
  for (size_t start = 0; start < keys.size(); start += kLookupChunk) {
    json chunk = json::array();
    for (size_t i = start; i < std::min(keys.size(), start + kLookupChunk); ++i) chunk.push_back(keys[i]);
    auto chunk_params = params;
    const std::string text = chunk.dump();
    chunk_params.emplace_back(text);
    c.each(sql, chunk_params, [&](const Row& r) { found.insert(r.text(0)); });
  }
  return found;
}
}  // namespace

std::unordered_set<std::string> existing_refs(Connection& c, int64_t org_id, std::span<const std::string_view> refs) {
  return present(c, "external_ref", org_id, refs);
}

std::unordered_set<std::string> taken_numbers(Connection& c, std::span<const std::string> numbers) {
  return present(c, "number", std::nullopt, std::vector<std::string_view>(numbers.begin(), numbers.end()));
}

int64_t insert_import(Connection& c, const NewImport& i, int64_t now) {
  std::string content = pg(c) ? "convert_to(?, 'UTF8')" : "?";
  return c.select("INSERT INTO imports (organisation_id, created_by_kind, created_by_id, created_by_name, file_name, size, "
             "content, status, send_emails, locked_until, created_at, updated_at) "
             "VALUES (?, ?, ?, ?, ?, ?, " + content + ", ?, ?, ?, ?, ?) RETURNING id",
             i.organisation_id, i.created_by.kind, i.created_by.id, i.created_by.name, i.file_name, i.size, i.content,
             to_string(i.status), i.send_emails, i.locked_until, now, now)[0]
      .i64(0);
}

std::optional<ImportRecord> find_import(Connection& c, int64_t org_id, int64_t id) {
  auto r = c.select_one("SELECT " + import_columns(true) + " FROM imports WHERE id = ? AND organisation_id = ?", id, org_id);
  if (!r) return std::nullopt;
  return read_import(*r);
}

std::vector<ImportRecord> recent_imports(Connection& c, int64_t org_id, int limit) {
  std::vector<ImportRecord> out;
  for (const auto& r : c.select("SELECT " + import_columns(false) +
                               " FROM imports WHERE organisation_id = ? ORDER BY id DESC LIMIT ?",
                           org_id, static_cast<int64_t>(limit)))
    out.push_back(read_import(r));
  return out;
}

std::optional<std::string> import_content(Connection& c, int64_t id) {
  auto r = c.select_one(pg(c) ? "SELECT convert_from(content, 'UTF8') FROM imports WHERE id = ?"
                       : "SELECT content FROM imports WHERE id = ?",
                 id);
  if (!r || r->null(0)) return std::nullopt;
  return std::move(r->cells_[0].s);
}

bool has_running_import(Connection& c, int64_t org_id) {
  return c.select_one("SELECT 1 FROM imports WHERE organisation_id = ? AND status IN ('validating', 'committing') LIMIT 1",
               org_id)
      .has_value();
}

std::optional<ClaimedImport> claim_import(Connection& c, int64_t now, int64_t lease_until) {
  const std::string waiting =
      "FROM imports WHERE status IN ('validating', 'committing') AND (locked_until IS NULL OR locked_until < ?) ";
  if (!c.select_one("SELECT 1 " + waiting + "LIMIT 1", now)) return std::nullopt;  // no write lock while idle
  Transaction tx(c);
  auto r = c.select_one("SELECT id, organisation_id, status, locked_until, content IS NOT NULL " + waiting +
                     "ORDER BY id LIMIT 1" + (pg(c) ? " FOR UPDATE SKIP LOCKED" : ""),
                 now);
  if (!r) return std::nullopt;
  Fields f(*r);
  ClaimedImport claimed{f.i64(), f.i64(), read_state<domain::ImportStatus>(f.text()), f.opt_i64().has_value(),
                        f.boolean()};
  c.run("UPDATE imports SET locked_until = ?, updated_at = ? WHERE id = ?", lease_until, now, claimed.id);
  tx.commit();
  return claimed;
}

std::optional<domain::ImportStatus> lock_import(Connection& c, int64_t id) {
  auto r = c.select_one(std::string("SELECT status FROM imports WHERE id = ?") + c.for_update(), id);
  if (!r) return std::nullopt;
  return read_state<domain::ImportStatus>(r->text(0));
}

void save_progress(Connection& c, int64_t id, std::string_view phase, int64_t done, int64_t total,
                   std::optional<int64_t> lease_until, int64_t now) {
  c.run("UPDATE imports SET phase = ?, progress_done = ?, progress_total = ?, locked_until = COALESCE(?, locked_until), "
      "updated_at = ? WHERE id = ?",
      phase, done, total, lease_until, now, id);
}

void save_validation(Connection& c, int64_t id, domain::ImportStatus status, const std::string& summary_json,
                     const std::string& errors_json, int64_t error_count, std::optional<std::string> message,
                     int64_t now) {
  c.run("UPDATE imports SET status = ?, summary = ?, errors = ?, error_count = ?, message = ?, phase = '', "
      "progress_done = progress_total, locked_until = NULL, updated_at = ? WHERE id = ?",
      to_string(status), summary_json, errors_json, error_count, message, now, id);
}

void set_import_status(Connection& c, int64_t id, domain::ImportStatus status, std::optional<std::string> message,
                       int64_t now) {
  c.run("UPDATE imports SET status = ?, message = ?, phase = '', locked_until = NULL, updated_at = ? WHERE id = ?",
      to_string(status), message, now, id);
}

void mark_commit_requested(Connection& c, int64_t id, const domain::Actor& by, bool send_emails, int64_t now,
                           std::optional<int64_t> lease_until) {
  c.run("UPDATE imports SET status = 'committing', send_emails = ?, committed_by_kind = ?, committed_by_id = ?, "
      "committed_by_name = ?, message = NULL, phase = '', progress_done = 0, progress_total = 0, locked_until = ?, "
      "updated_at = ? WHERE id = ?",
      send_emails, by.kind, by.id, by.name, lease_until, now, id);
}

void save_commit(Connection& c, int64_t id, const std::string& summary_json, const std::string& created_orders_json,
                 int64_t now) {
  c.run("UPDATE imports SET status = 'committed', summary = ?, created_orders = ?, content = NULL, message = NULL, "
      "phase = '', progress_done = progress_total, locked_until = NULL, committed_at = ?, updated_at = ? WHERE id = ?",
      summary_json, created_orders_json, now, now, id);
}

}  // namespace bo::store
