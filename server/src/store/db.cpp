#include "store/db.hpp"

#include <charconv>

namespace bo::store {

int64_t Row::i64(size_t i) const {
  const auto& c = cells_[i];
  if (c.null) return 0;
  if (c.is_int) return c.i;
  int64_t v = 0;
  auto [p, ec] = std::from_chars(c.s.data(), c.s.data() + c.s.size(), v);
  if (ec != std::errc()) {
    if (c.s == "t") return 1;
    if (c.s == "f") return 0;
    throw DbError("not an integer: " + c.s);
  }
  return v;
}

size_t Fields::next() {
  if (i_ >= r_.size()) throw DbError("a row was read past its last column");
  return i_++;
}

const std::string& Row::text(size_t i) const {
  auto& c = cells_[i];
  if (c.is_int && c.s.empty()) c.s = std::to_string(c.i);
  return c.s;
}

namespace {
// The connection of the ReadScope running on this thread, and its database.
thread_local Database* scope_db = nullptr;
thread_local Connection* scope_conn = nullptr;
}  // namespace

Conn::~Conn() {
  if (c_ && db_) {
    if (c_->in_transaction) return;  // a broken connection is dropped, not reused
    db_->release(std::move(c_));
  }
}

void ping(Connection& c) { c.select("SELECT 1"); }

Database::Database(std::string url) : url_(std::move(url)) {
  if (url_.rfind("postgresql://", 0) == 0 || url_.rfind("postgres://", 0) == 0) {
    dialect_ = Dialect::postgresql;
  } else if (url_.rfind("sqlite:", 0) == 0) {
    dialect_ = Dialect::sqlite;
  } else {
    throw DbError("database URL must start with sqlite: or postgresql://");
  }
}

std::unique_ptr<Connection> Database::open() {
  if (dialect_ == Dialect::postgresql) return open_postgresql(url_);
  return open_sqlite(url_.substr(7));
}

Conn Database::acquire() {
  if (scope_db == this) return Conn(scope_conn);
  return acquire_own();
}

Conn Database::acquire_own() {
  {
    std::lock_guard lock(mu_);
    if (!idle_.empty()) {
      auto c = std::move(idle_.back());
      idle_.pop_back();
      return Conn(this, std::move(c));
    }
  }
  return Conn(this, open());
}

void Database::release(std::unique_ptr<Connection> c) {
  std::lock_guard lock(mu_);
  if (idle_.size() < 64) idle_.push_back(std::move(c));
}


ReadScope::ReadScope(Database& db) : conn_(db.acquire()), outermost_(scope_db == nullptr) {
  if (!outermost_) return;
  if (db.dialect() == Dialect::sqlite) {
    conn_->begin(false);
    conn_->read_snapshot = true;
  }
  scope_db = &db;
  scope_conn = &*conn_;
}

ReadScope::~ReadScope() {
  if (!outermost_) return;
  scope_db = nullptr;
  scope_conn = nullptr;
  if (conn_->read_snapshot) {
    conn_->read_snapshot = false;
    try {
      conn_->commit();
    } catch (...) {  // left in_transaction: the pool drops it
    }
  }
}
}  // namespace bo::store
