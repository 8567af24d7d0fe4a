#include <sqlite3.h>

#include <charconv>
#include <deque>
#include <mutex>
#include <unordered_map>

#include "store/db.hpp"

namespace bo::store {
namespace {

constexpr int kBusyWaitMs = 10000;

class SqliteConnection final : public Connection {
 public:
  explicit SqliteConnection(const std::string& path) {
    if (sqlite3_open_v2(path.c_str(), &db_,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                        nullptr) != SQLITE_OK) {
      std::string msg = db_ ? sqlite3_errmsg(db_) : "out of memory";
      sqlite3_close(db_);
      throw DbError("cannot open SQLite database " + path + ": " + msg);
    }
    sqlite3_busy_timeout(db_, kBusyWaitMs);
    exec_script(
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
        "PRAGMA cache_size=-65536; PRAGMA temp_store=MEMORY; PRAGMA mmap_size=2147418112;");
  }
  ~SqliteConnection() override {
    for (auto& [_, st] : cache_) sqlite3_finalize(st);
    sqlite3_close(db_);
  }

  Dialect dialect() const override { return Dialect::sqlite; }

  void exec_script(std::string_view sql) override {
    char* err = nullptr;
    std::string s(sql);
    if (sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
      std::string msg = err ? err : "unknown error";
      sqlite3_free(err);
      throw DbError("SQLite: " + msg);
    }
  }

  Rows query(std::string_view sql, std::span<const Param> params) override {
    Rows rows;
    run(sql, params, [&](sqlite3_stmt* st) { rows.push_back(read_row(st)); });
    return rows;
  }

  int64_t exec(std::string_view sql, std::span<const Param> params) override {
    run(sql, params, [](sqlite3_stmt*) {});
    return sqlite3_changes64(db_);
  }

  void each(std::string_view sql, std::span<const Param> params,
            const std::function<void(const Row&)>& on_row) override {
    Row row;
    run(sql, params, [&](sqlite3_stmt* st) {
      fill_row(st, row);
      on_row(row);
    });
  }

  // Holds its own prepared statement for the whole run.
  class Writer final : public BulkWriter {
   public:
    Writer(SqliteConnection& c, const std::string& sql) : c_(c) {
      if (sqlite3_prepare_v3(c.db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &st_,
                             nullptr) != SQLITE_OK)
        throw DbError(std::string("SQLite prepare: ") + sqlite3_errmsg(c.db_) + " in: " + sql);
    }
    ~Writer() override { sqlite3_finalize(st_); }
    void add(std::span<const Param> values) override {
      c_.step(st_, values, [](sqlite3_stmt*) {});
    }
    void finish() override {}

   private:
    SqliteConnection& c_;
    sqlite3_stmt* st_ = nullptr;
  };

  std::unique_ptr<BulkWriter> bulk(std::string_view table,
                                   std::span<const std::string_view> columns) override {
    std::string sql = "INSERT INTO " + std::string(table) + " (";
    std::string marks;
    for (size_t i = 0; i < columns.size(); ++i) {
      sql += (i ? "," : "") + std::string(columns[i]);
      marks += i ? ",?" : "?";
    }
    sql += ") VALUES (" + marks + ")";
    return std::make_unique<Writer>(*this, sql);
  }

  std::vector<int64_t> reserve_ids(std::string_view table, int64_t n) override {
    auto r = select("SELECT COALESCE(MAX(id), 0) FROM " + std::string(table));
    int64_t first = r[0].i64(0) + 1;
    std::vector<int64_t> ids(static_cast<size_t>(n));
    for (int64_t i = 0; i < n; ++i) ids[static_cast<size_t>(i)] = first + i;
    return ids;
  }

  void begin(bool write) override {
    end_snapshot();
    exec(write ? "BEGIN IMMEDIATE" : "BEGIN", {});  // prepared once, like every statement
    in_transaction = true;
  }
  bool try_begin_write(int wait_ms) override {
    end_snapshot();
    sqlite3_busy_timeout(db_, wait_ms);
    try {
      exec("BEGIN IMMEDIATE", {});
    } catch (const DbError&) {
      bool busy = sqlite3_errcode(db_) == SQLITE_BUSY;
      sqlite3_busy_timeout(db_, kBusyWaitMs);
      if (busy) return false;
      throw;
    }
    sqlite3_busy_timeout(db_, kBusyWaitMs);
    in_transaction = true;
    return true;
  }
  void commit() override {
    exec("COMMIT", {});
    in_transaction = false;
  }
  void rollback() override {
    in_transaction = false;
    exec("ROLLBACK", {});
  }

 private:
  sqlite3_stmt* prepare(std::string_view sql) {
    auto it = cache_.find(sql);
    if (it != cache_.end()) return it->second;
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                           &st, nullptr) != SQLITE_OK) {
      throw DbError(std::string("SQLite prepare: ") + sqlite3_errmsg(db_) + " in: " + std::string(sql));
    }
    if (cache_.size() > 500) {
      for (auto& [_, s] : cache_) sqlite3_finalize(s);
      cache_.clear();
      keys_.clear();
    }
    keys_.emplace_back(sql);
    cache_.emplace(keys_.back(), st);
    return st;
  }

  template <class F>
  void run(std::string_view sql, std::span<const Param> params, F&& on_row) {
    sqlite3_stmt* st = prepare(sql);
    if (read_snapshot && !sqlite3_stmt_readonly(st)) end_snapshot();
    step(st, params, std::forward<F>(on_row));
  }

  // A write inside a read snapshot would have to upgrade it, which fails when another connection wrote
  // meanwhile; the write runs on its own after the snapshot instead.
  void end_snapshot() {
    if (!read_snapshot) return;
    read_snapshot = false;
    commit();
  }

  template <class F>
  void step(sqlite3_stmt* st, std::span<const Param> params, F&& on_row) {
    struct Reset {
      sqlite3_stmt* st;
      ~Reset() { sqlite3_reset(st); sqlite3_clear_bindings(st); }
    } reset{st};
    for (size_t i = 0; i < params.size(); ++i) {
      int idx = static_cast<int>(i + 1);
      const auto& v = params[i];
      if (v.is_null()) {
        sqlite3_bind_null(st, idx);
      } else if (auto* n = v.integer()) {
        sqlite3_bind_int64(st, idx, *n);
      } else {
        auto s = v.text();
        sqlite3_bind_text(st, idx, s.data(), static_cast<int>(s.size()), SQLITE_STATIC);
      }
    }
    for (;;) {
      int rc = sqlite3_step(st);
      if (rc == SQLITE_ROW) {
        on_row(st);
      } else if (rc == SQLITE_DONE) {
        return;
      } else {
        DbError e(std::string("SQLite: ") + sqlite3_errmsg(db_));
        e.unique_violation = sqlite3_extended_errcode(db_) == SQLITE_CONSTRAINT_UNIQUE ||
                             sqlite3_extended_errcode(db_) == SQLITE_CONSTRAINT_PRIMARYKEY;
        throw e;
      }
    }
  }

  static void fill_row(sqlite3_stmt* st, Row& row) {
    int n = sqlite3_column_count(st);
    row.cells_.resize(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i) {
      auto& c = row.cells_[static_cast<size_t>(i)];
      switch (sqlite3_column_type(st, i)) {
        case SQLITE_NULL:
          c.null = true;
          break;
        case SQLITE_INTEGER:
          c.null = false;
          c.is_int = true;
          c.i = sqlite3_column_int64(st, i);
          c.s.clear();  // text() caches the decimal form here; a reused Row must not show the last one
          break;
        default: {
          c.null = false;
          c.is_int = false;
          auto p = reinterpret_cast<const char*>(sqlite3_column_text(st, i));
          c.s.assign(p ? p : "", static_cast<size_t>(sqlite3_column_bytes(st, i)));
        }
      }
    }
  }
  static Row read_row(sqlite3_stmt* st) {
    Row r;
    fill_row(st, r);
    return r;
  }

  sqlite3* db_ = nullptr;
  std::deque<std::string> keys_;
  std::unordered_map<std::string_view, sqlite3_stmt*> cache_;
};

}  // namespace

std::unique_ptr<Connection> open_sqlite(const std::string& path) {
  // Connections are never shared between threads at once, so SQLite's own locks and its global
  // allocation counter (a process-wide mutex on every malloc) only cost time. Must precede all other use.
  static std::once_flag configured;
  std::call_once(configured, [] {
    sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  });
  return std::make_unique<SqliteConnection>(path);
}

}  // namespace bo::store
