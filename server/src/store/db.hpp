#pragma once
// The database boundary: one small interface over SQLite and PostgreSQL.
// SQL is written once with `?` placeholders; the PostgreSQL driver numbers them.
// A Connection is used by one thread at a time; a Database hands connections out from a pool.
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace bo::store {

enum class Dialect { sqlite, postgresql };

// A parameter: null, integer or text (booleans go in as 0/1, money and times as integers). Text passed
// as a temporary is owned by the parameter; text passed by reference must outlive the statement's call.
struct Param {
  std::variant<std::nullptr_t, int64_t, std::string_view, std::string> v;
  Param(std::nullptr_t) : v(nullptr) {}
  Param(int64_t x) : v(x) {}
  Param(int x) : v(static_cast<int64_t>(x)) {}
  Param(bool x) : v(static_cast<int64_t>(x ? 1 : 0)) {}
  Param(std::string_view s) : v(s) {}
  Param(const std::string& s) : v(std::string_view(s)) {}
  Param(std::string&& s) : v(std::move(s)) {}
  Param(const char* s) : v(std::string_view(s)) {}
  template <class T>
  Param(const std::optional<T>& o) : v(nullptr) {
    if (o) *this = Param(*o);
  }
  bool is_null() const { return v.index() == 0; }
  const int64_t* integer() const { return std::get_if<int64_t>(&v); }
  std::string_view text() const {
    if (auto* s = std::get_if<std::string>(&v)) return *s;
    return std::get<std::string_view>(v);
  }
};

class Row {
 public:
  bool null(size_t i) const { return cells_[i].null; }
  int64_t i64(size_t i) const;
  std::optional<int64_t> opt_i64(size_t i) const { return null(i) ? std::nullopt : std::optional(i64(i)); }
  bool boolean(size_t i) const { return !null(i) && i64(i) != 0; }
  const std::string& text(size_t i) const;
  std::optional<std::string> opt_text(size_t i) const {
    return null(i) ? std::nullopt : std::optional(text(i));
  }
  size_t size() const { return cells_.size(); }

  struct Cell {
    bool null = true;
    bool is_int = false;
    int64_t i = 0;
    std::string s;
  };
  mutable std::vector<Cell> cells_;
};

using Rows = std::vector<Row>;

// Reads a row's columns in the order of its SELECT list, so no code counts columns.
class Fields {
 public:
  explicit Fields(const Row& r) : r_(r) {}
  int64_t i64() { return r_.i64(next()); }
  std::optional<int64_t> opt_i64() { return r_.opt_i64(next()); }
  bool boolean() { return r_.boolean(next()); }
  const std::string& text() { return r_.text(next()); }
  std::optional<std::string> opt_text() { return r_.opt_text(next()); }
  bool null_next() const { return r_.null(i_); }

 private:
  size_t next();
  const Row& r_;
  size_t i_ = 0;
};

class Connection {
 public:
  virtual ~Connection() = default;
  virtual Dialect dialect() const = 0;
  // Runs one or more statements without parameters or results.
  virtual void exec_script(std::string_view sql) = 0;
  virtual Rows query(std::string_view sql, std::span<const Param> params) = 0;
  // Returns the number of rows changed.
  virtual int64_t exec(std::string_view sql, std::span<const Param> params) = 0;
  // Streams rows to `on_row` without materialising them all.
  virtual void each(std::string_view sql, std::span<const Param> params,
                    const std::function<void(const Row&)>& on_row) = 0;
  // Writes many rows into one table as fast as the engine allows (COPY on PostgreSQL).
  // The caller supplies ids (see reserve_ids); values must stay alive during add().
  class BulkWriter {
   public:
    virtual ~BulkWriter() = default;
    virtual void add(std::span<const Param> values) = 0;
    virtual void finish() = 0;
  };
  virtual std::unique_ptr<BulkWriter> bulk(std::string_view table,
                                           std::span<const std::string_view> columns) = 0;
  // Fresh ids for `table`; on SQLite only valid inside a write transaction.
  virtual std::vector<int64_t> reserve_ids(std::string_view table, int64_t n) = 0;

  template <class... A>
  Rows select(std::string_view sql, A&&... args) {
    const Param ps[] = {Param(std::forward<A>(args))..., Param(nullptr)};
    return query(sql, std::span<const Param>(ps, sizeof...(A)));
  }
  template <class... A>
  std::optional<Row> select_one(std::string_view sql, A&&... args) {
    auto rows = select(sql, std::forward<A>(args)...);
    if (rows.empty()) return std::nullopt;
    return std::move(rows.front());
  }
  template <class... A>
  int64_t run(std::string_view sql, A&&... args) {
    const Param ps[] = {Param(std::forward<A>(args))..., Param(nullptr)};
    return exec(sql, std::span<const Param>(ps, sizeof...(A)));
  }

  // Transactions. A write transaction takes the write lock up front on SQLite (BEGIN IMMEDIATE),
  // so that read-then-write sequences never deadlock; on PostgreSQL rows are locked with
  // `for_update()` in the SELECT. A read transaction reads one snapshot (REPEATABLE READ on PostgreSQL).
  virtual void begin(bool write) = 0;
  // Like begin(true), but gives up and returns false when another connection keeps SQLite's write lock
  // for longer than `wait_ms`.
  virtual bool try_begin_write(int wait_ms) {
    (void)wait_ms;
    begin(true);
    return true;
  }
  virtual void commit() = 0;
  virtual void rollback() = 0;
  const char* for_update() const { return dialect() == Dialect::postgresql ? " FOR UPDATE" : ""; }
  bool in_transaction = false;
  // A read transaction opened by a ReadScope: one snapshot for a whole read request. The first write,
  // or an explicit transaction, ends it (SQLite only).
  bool read_snapshot = false;
};

// RAII transaction: rolls back unless committed.
class Transaction {
 public:
  Transaction(Connection& c, bool write = true) : c_(c) { c_.begin(write); }
  ~Transaction() {
    if (!done_) try { c_.rollback(); } catch (...) {}
  }
  void commit() { c_.commit(); done_ = true; }
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

 private:
  Connection& c_;
  bool done_ = false;
};

class Database;

// A pooled connection, returned to its pool when destroyed; or the connection of the thread's ReadScope.
class Conn {
 public:
  Conn(Database* db, std::unique_ptr<Connection> c) : db_(db), c_(std::move(c)), p_(c_.get()) {}
  explicit Conn(Connection* shared) : db_(nullptr), p_(shared) {}
  Conn(Conn&&) = default;
  ~Conn();
  Connection* operator->() { return p_; }
  Connection& operator*() { return *p_; }

 private:
  Database* db_;
  std::unique_ptr<Connection> c_;
  Connection* p_;
};

// Opens connections from a URL: `sqlite:PATH` or `postgresql://…`.
class Database {
 public:
  explicit Database(std::string url);
  Conn acquire();  // the thread's ReadScope connection while there is one
  Conn acquire_own();  // a connection from the pool, even inside a ReadScope
  Dialect dialect() const { return dialect_; }
  const std::string& url() const { return url_; }
  void release(std::unique_ptr<Connection> c);
  std::unique_ptr<Connection> open();

 private:
  std::string url_;
  Dialect dialect_;
  std::mutex mu_;
  std::vector<std::unique_ptr<Connection>> idle_;
};

// Runs a read request on one connection and, on SQLite, in one read transaction: one snapshot instead of
// one per statement, which also saves most of the cost of each statement.
class ReadScope {
 public:
  explicit ReadScope(Database& db);
  ~ReadScope();
  ReadScope(const ReadScope&) = delete;
  ReadScope& operator=(const ReadScope&) = delete;

 private:
  Conn conn_;
  bool outermost_;
};

// A trivial query: throws when the database does not answer.
void ping(Connection& c);

// The driver constructors.
std::unique_ptr<Connection> open_sqlite(const std::string& path);
std::unique_ptr<Connection> open_postgresql(const std::string& url);

struct DbError : std::runtime_error {
  using std::runtime_error::runtime_error;
  bool unique_violation = false;
};

}  // namespace bo::store
