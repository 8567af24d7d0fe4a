#include "store/import_writer.hpp"

#include "domain/contact.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <mutex>

namespace bo::store {
namespace {
constexpr std::string_view kOrderColumns[] = {
    "id", "organisation_id", "event_id", "number", "status", "source", "external_ref", "currency", "ticket_count",
    "total_price", "total_fees", "payment_method", "email", "email_lc", "first_name", "last_name", "last_name_lc",
    "full_name_lc", "mobile", "language", "import_id", "created_at", "paid_at", "updated_at"};
constexpr std::string_view kTicketColumns[] = {"id", "organisation_id", "order_id", "ticket_type_id", "price", "fee",
                                               "barcode", "status", "attendee", "created_at", "paid_at"};
constexpr std::string_view kPaymentColumns[] = {"id", "organisation_id", "order_id", "method", "provider", "amount",
                                                "currency", "status", "paid_at", "created_at"};
constexpr std::string_view kHistoryColumns[] = {"id", "organisation_id", "order_id", "type", "at", "actor_kind",
                                                "actor_id", "actor_name", "data"};

Param text_or_null(std::string_view v) { return v.empty() ? Param(nullptr) : Param(v); }

void lower(std::string& s) {
  for (auto& ch : s)
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
}
}  // namespace

ImportWriter::ImportWriter(Connection& c, int64_t org_id, std::string_view currency, int64_t import_id,
                           const domain::Actor& actor)
    : c_(c), org_id_(org_id), import_id_(import_id), currency_(currency), actor_(actor) {}

Connection::BulkWriter& ImportWriter::open(Table t) {
  if (table_ == t) return *writer_;
  finish();
  table_ = t;
  switch (t) {
    case Table::orders: writer_ = c_.bulk("orders", kOrderColumns); break;
    case Table::tickets: writer_ = c_.bulk("tickets", kTicketColumns); break;
    case Table::payments: writer_ = c_.bulk("payments", kPaymentColumns); break;
    case Table::history: writer_ = c_.bulk("history", kHistoryColumns); break;
    case Table::none: break;
  }
  return *writer_;
}

void ImportWriter::finish() {
  if (writer_) writer_->finish();
  writer_.reset();
  table_ = Table::none;
}

void ImportWriter::order(const ImportedOrder& o) {
  auto& w = open(Table::orders);
  email_lc_.assign(o.email);
  lower(email_lc_);
  last_name_lc_.assign(o.last_name);
  lower(last_name_lc_);
  full_name_lc_.assign(o.first_name);
  if (!o.first_name.empty() && !o.last_name.empty()) full_name_lc_ += ' ';
  full_name_lc_.append(o.last_name);
  lower(full_name_lc_);
  const Param row[] = {o.id, org_id_, o.event_id, o.number, to_string(o.status), "import", o.external_ref, currency_,
                       o.ticket_count, o.total_price, o.total_fees, o.payment_method, o.email,
                       std::string_view(email_lc_), text_or_null(o.first_name), text_or_null(o.last_name),
                       text_or_null(last_name_lc_), text_or_null(full_name_lc_), text_or_null(o.mobile), text_or_null(o.language), import_id_,
                       o.created_at, o.paid_at, o.updated_at};
  w.add(row);
}

void ImportWriter::ticket(const ImportedTicket& t) {
  auto& w = open(Table::tickets);
  const Param row[] = {t.id,      org_id_, t.order_id, t.ticket_type_id, t.price, t.fee, t.barcode, "valid",
                       t.attendee.empty() ? std::string_view("{}") : t.attendee, t.created_at, t.paid_at};
  w.add(row);
}

void ImportWriter::payment(const ImportedPayment& p) {
  auto& w = open(Table::payments);
  const Param row[] = {p.id, org_id_, p.order_id, p.method, p.provider, p.amount, currency_, to_string(p.status), p.paid_at,
                       p.created_at};
  w.add(row);
}

void ImportWriter::history(const ImportedHistory& h) {
  auto& w = open(Table::history);
  const Param row[] = {h.id, org_id_, h.order_id, "order_imported", h.at, actor_.kind, actor_.id, actor_.name, h.data};
  w.add(row);
}

void add_issued(Connection& c, int64_t ticket_type_id, int64_t n) {
  c.run("UPDATE ticket_types SET issued = issued + ? WHERE id = ?", n, ticket_type_id);
}

}  // namespace bo::store

namespace bo::store {

ForeignKeyChecksOff::ForeignKeyChecksOff(Connection& c) : c_(c) {
  if (c.in_transaction) return;  // SQLite ignores the pragma inside one
  if (c.dialect() == Dialect::sqlite) {
    c.exec_script("PRAGMA foreign_keys = OFF");
    switched_ = true;
    return;
  }
  // PostgreSQL checks foreign keys with triggers, which only a role allowed to set the replication role
  // (a superuser) may skip; any other role keeps them and the import stays correct, only slower.
  try {
    c.exec_script("SET session_replication_role = replica");
    switched_ = true;
  } catch (const DbError&) {
  }
}

ForeignKeyChecksOff::~ForeignKeyChecksOff() {
  if (!switched_) return;
  try {
    c_.exec_script(c_.dialect() == Dialect::sqlite ? "PRAGMA foreign_keys = ON" : "RESET session_replication_role");
  } catch (...) {
  }
}

namespace {
std::string database_file(Connection& c) { return c.select("PRAGMA database_list")[0].text(2); }

// The statements that set the SQLite settings `names` back to what the connection has now.
std::string settings_now(Connection& c, std::initializer_list<std::string_view> names) {
  std::string sql;
  for (auto name : names) {
    const std::string pragma = "PRAGMA " + std::string(name);
    sql += pragma + " = " + std::to_string(c.select(pragma)[0].i64(0)) + ";";
  }
  return sql;
}

// Hands the pages written to `path` (a write-ahead log, which SQLite does not lock) to the disk every 25 ms while it lives, so that a sync that follows
// finds little left to write.
std::jthread write_back(std::string path) {
  return std::jthread([path = std::move(path)](std::stop_token stop) {
    std::mutex mu;
    std::condition_variable_any tick;
    int fd = -1;
    while (!stop.stop_requested()) {
      if (fd < 0) fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
      if (fd >= 0) ::sync_file_range(fd, 0, 0, SYNC_FILE_RANGE_WRITE);
      std::unique_lock lock(mu);
      tick.wait_for(lock, stop, std::chrono::milliseconds(25), [] { return false; });
    }
    if (fd >= 0) ::close(fd);
  });
}
}  // namespace

BulkCommit::BulkCommit(Connection& c) : c_(c) {
  if (c.in_transaction || c.dialect() != Dialect::sqlite) return;
  restore_ = settings_now(c, {"synchronous", "wal_autocheckpoint"});
  c.exec_script("PRAGMA wal_autocheckpoint = 0; PRAGMA synchronous = FULL");
  writeback_ = write_back(database_file(c) + "-wal");
}

BulkCommit::~BulkCommit() {
  if (restore_.empty()) return;
  writeback_ = {};
  try {
    c_.exec_script(restore_);
  } catch (...) {
  }
}

void checkpoint(Connection& c) {
  if (c.dialect() != Dialect::sqlite) return;
  // No write-back helper on the database file here: closing a second descriptor of that file would drop
  // every lock the process's connections hold on it (POSIX), and another process closing the database
  // would then delete the write-ahead log the server still writes to. SQLite never locks the log itself.
  c.exec_script("PRAGMA wal_checkpoint(PASSIVE)");
}

IndexRebuild::IndexRebuild(Connection& c, std::string_view table, int64_t new_rows) : c_(c) {
  if (c.dialect() != Dialect::sqlite) return;
  int64_t existing = c.select("SELECT COALESCE(MAX(id), 0) FROM " + std::string(table))[0].i64(0);  // ids are dense
  if (new_rows < existing || new_rows < 10000) return;
  std::vector<std::string> names;
  for (const auto& r : c.select("SELECT m.name, m.sql FROM sqlite_master m WHERE m.type = 'index' AND m.tbl_name = ? "
                           "AND m.sql IS NOT NULL AND NOT EXISTS "
                           "(SELECT 1 FROM pragma_index_list(?) l WHERE l.name = m.name AND l.partial)",
                           table, table)) {
    Fields f(r);
    names.push_back(f.text());
    create_sql_.push_back(f.text());
  }
  for (const auto& name : names) c.exec_script("DROP INDEX \"" + name + "\"");
}

std::vector<std::string> drop_indexes_for_loading(Connection& c, const std::vector<std::string>& tables) {
  std::string list;
  for (const auto& t : tables) list += (list.empty() ? "'" : ", '") + t + "'";
  auto indexes = c.dialect() == Dialect::sqlite
                     ? c.select("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                           "AND tbl_name IN (" + list + ")")
                     : c.select("SELECT indexname, indexdef FROM pg_indexes WHERE tablename IN (" + list +
                           ") AND indexname NOT LIKE '%_pkey'");
  std::vector<std::string> create_sql;
  for (const auto& i : indexes) {
    Fields f(i);
    c.exec_script("DROP INDEX " + f.text());
    create_sql.push_back(f.text());
  }
  if (c.dialect() == Dialect::sqlite) c.exec_script("PRAGMA cache_size = -1000000; PRAGMA synchronous = OFF");
  return create_sql;
}

void analyze(Connection& c) { c.exec_script("ANALYZE"); }

void create_indexes(Connection& c, const std::vector<std::string>& create_sql) {
  if (c.dialect() != Dialect::sqlite) {
    for (const auto& sql : create_sql) c.exec_script(sql);
    return;
  }
  // The sorter behind CREATE INDEX is fastest with a second core, a small page cache and temporary
  // files: its runs stay small enough for the helper thread to sort them while the table is read
  // (7.7 s instead of 11.3 s for the indexes of a million-row import). The connection's settings return.
  const auto restore = settings_now(c, {"threads", "cache_size", "temp_store"});
  c.exec_script("PRAGMA threads = 2; PRAGMA cache_size = -2000; PRAGMA temp_store = FILE");
  for (const auto& sql : create_sql) c.exec_script(sql);
  c.exec_script(restore);
}

void IndexRebuild::rebuild() {
  create_indexes(c_, create_sql_);
  create_sql_.clear();
}

}  // namespace bo::store
