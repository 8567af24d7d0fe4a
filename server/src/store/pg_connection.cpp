#include <libpq-fe.h>

#include <unordered_map>

#include "store/db.hpp"

namespace bo::store {
namespace {

// `?` placeholders → `$1, $2 …` (our SQL never has `?` inside string literals).
std::string number_placeholders(std::string_view sql) {
  std::string out;
  out.reserve(sql.size() + 16);
  int n = 0;
  bool in_literal = false;
  for (char c : sql) {
    if (c == '\'') in_literal = !in_literal;
    if (c == '?' && !in_literal) {
      out += '$';
      out += std::to_string(++n);
    } else {
      out += c;
    }
  }
  return out;
}

struct ResultGuard {
  PGresult* r;
  ~ResultGuard() { PQclear(r); }
};

class PgConnection final : public Connection {
 public:
  explicit PgConnection(const std::string& url) {
    conn_ = PQconnectdb(url.c_str());
    if (PQstatus(conn_) != CONNECTION_OK) {
      std::string msg = PQerrorMessage(conn_);
      PQfinish(conn_);
      throw DbError("cannot connect to PostgreSQL: " + msg);
    }
    exec_script("SET client_min_messages TO warning; SET TIME ZONE 'UTC'");
  }
  ~PgConnection() override { PQfinish(conn_); }

  Dialect dialect() const override { return Dialect::postgresql; }

  void exec_script(std::string_view sql) override {
    end_open_copy();
    std::string s(sql);
    ResultGuard g{PQexec(conn_, s.c_str())};
    check(g.r, s);
  }

  Rows query(std::string_view sql, std::span<const Param> params) override {
    ResultGuard g{run(sql, params)};
    Rows rows;
    int n = PQntuples(g.r);
    rows.resize(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i) fill_row(g.r, i, rows[static_cast<size_t>(i)]);
    return rows;
  }

  int64_t exec(std::string_view sql, std::span<const Param> params) override {
    ResultGuard g{run(sql, params)};
    const char* t = PQcmdTuples(g.r);
    return t && *t ? std::stoll(t) : 0;
  }

  void each(std::string_view sql, std::span<const Param> params,
            const std::function<void(const Row&)>& on_row) override {
    ResultGuard g{run(sql, params)};
    Row row;
    int n = PQntuples(g.r);
    for (int i = 0; i < n; ++i) {
      fill_row(g.r, i, row);
      on_row(row);
    }
  }

  // Rows are buffered and sent with COPY in segments. Only one COPY can be open on a connection, so a
  // writer that needs the connection (another writer, or any query) ends the open segment first;
  // several COPY statements into one table within one transaction are fine. Writers opened earlier are
  // flushed first, so rows referring to rows of an earlier writer (tickets → orders) find them there.
  class CopyWriter final : public BulkWriter {
   public:
    CopyWriter(PgConnection& c, std::string sql) : c_(c), sql_(std::move(sql)) {
      buf_.reserve(1 << 20);
      c_.writers_.push_back(this);
    }
    ~CopyWriter() override {
      std::erase(c_.writers_, this);
      if (c_.active_copy_ == this) {
        PQputCopyEnd(c_.conn_, "aborted");
        while (PGresult* r = PQgetResult(c_.conn_)) PQclear(r);
        c_.active_copy_ = nullptr;
      }
    }
    void add(std::span<const Param> values) override {
      for (size_t i = 0; i < values.size(); ++i) {
        if (i) buf_ += '\t';
        const auto& v = values[i];
        if (v.is_null()) {
          buf_ += "\\N";
        } else if (auto* n = v.integer()) {
          buf_ += std::to_string(*n);
        } else {
          for (char ch : v.text()) {
            switch (ch) {
              case '\\': buf_ += "\\\\"; break;
              case '\t': buf_ += "\\t"; break;
              case '\n': buf_ += "\\n"; break;
              case '\r': buf_ += "\\r"; break;
              default: buf_ += ch;
            }
          }
        }
      }
      buf_ += '\n';
      if (buf_.size() > (1 << 20)) flush();
    }
    void finish() override {
      flush();
      if (c_.active_copy_ == this) end_segment();
    }
    void end_segment() {
      c_.active_copy_ = nullptr;
      if (PQputCopyEnd(c_.conn_, nullptr) != 1) throw DbError(PQerrorMessage(c_.conn_));
      while (PGresult* r = PQgetResult(c_.conn_)) {
        ResultGuard g{r};
        c_.check(r, "COPY");
      }
    }

   private:
    void flush() {
      for (auto* w : c_.writers_) {
        if (w == this) break;
        w->flush();
      }
      if (buf_.empty()) return;
      if (c_.active_copy_ != this) {
        c_.end_open_copy();
        ResultGuard g{PQexec(c_.conn_, sql_.c_str())};
        if (PQresultStatus(g.r) != PGRES_COPY_IN) c_.check(g.r, sql_);
        c_.active_copy_ = this;
      }
      if (PQputCopyData(c_.conn_, buf_.data(), static_cast<int>(buf_.size())) != 1)
        throw DbError(PQerrorMessage(c_.conn_));
      buf_.clear();
    }
    PgConnection& c_;
    std::string sql_;
    std::string buf_;
  };

  void end_open_copy() {
    if (active_copy_) active_copy_->end_segment();
  }

  std::unique_ptr<BulkWriter> bulk(std::string_view table,
                                   std::span<const std::string_view> columns) override {
    std::string sql = "COPY " + std::string(table) + " (";
    for (size_t i = 0; i < columns.size(); ++i) sql += (i ? "," : "") + std::string(columns[i]);
    sql += ") FROM STDIN";
    return std::make_unique<CopyWriter>(*this, std::move(sql));
  }

  std::vector<int64_t> reserve_ids(std::string_view table, int64_t n) override {
    std::vector<int64_t> ids;
    ids.reserve(static_cast<size_t>(n));
    auto seq = sequences_.find(std::string(table));
    if (seq == sequences_.end()) {  // looked up once, not once per id
      auto r = query("SELECT pg_get_serial_sequence(?, 'id')", std::array<Param, 1>{Param(table)});
      seq = sequences_.emplace(std::string(table), r.at(0).text(0)).first;
    }
    each("SELECT nextval(?::regclass) FROM generate_series(1, ?)", std::array<Param, 2>{Param(seq->second), Param(n)},
         [&](const Row& r) { ids.push_back(r.i64(0)); });
    return ids;
  }

  void begin(bool write) override {
    // A read transaction is one snapshot for all its statements, as on SQLite.
    exec_script(write ? "BEGIN" : "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    in_transaction = true;
  }
  void commit() override {
    exec_script("COMMIT");
    in_transaction = false;
  }
  void rollback() override {
    in_transaction = false;
    exec_script("ROLLBACK");
  }

 private:
  PGresult* run(std::string_view sql, std::span<const Param> params) {
    end_open_copy();
    auto it = prepared_.find(std::string(sql));
    std::string name;
    if (it == prepared_.end()) {
      name = "s" + std::to_string(prepared_.size() + 1);
      std::string numbered = number_placeholders(sql);
      ResultGuard g{PQprepare(conn_, name.c_str(), numbered.c_str(), 0, nullptr)};
      check(g.r, numbered);
      prepared_.emplace(std::string(sql), name);
    } else {
      name = it->second;
    }
    std::vector<std::string> storage(params.size());
    std::vector<const char*> values(params.size());
    std::vector<int> lengths(params.size());
    for (size_t i = 0; i < params.size(); ++i) {
      const auto& v = params[i];
      if (v.is_null()) {
        values[i] = nullptr;
      } else if (auto* n = v.integer()) {
        storage[i] = std::to_string(*n);
        values[i] = storage[i].c_str();
        lengths[i] = static_cast<int>(storage[i].size());
      } else {
        auto s = v.text();
        storage[i].assign(s);
        values[i] = storage[i].c_str();
        lengths[i] = static_cast<int>(s.size());
      }
    }
    PGresult* r = PQexecPrepared(conn_, name.c_str(), static_cast<int>(params.size()), values.data(),
                                 lengths.data(), nullptr, 0);
    try {
      check(r, sql);
    } catch (...) {
      PQclear(r);
      throw;
    }
    return r;
  }

  void check(PGresult* r, std::string_view sql) {
    auto st = PQresultStatus(r);
    if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK || st == PGRES_COPY_IN) return;
    const char* state = PQresultErrorField(r, PG_DIAG_SQLSTATE);
    DbError e(std::string("PostgreSQL: ") + PQresultErrorMessage(r) + " in: " + std::string(sql.substr(0, 200)));
    e.unique_violation = state && std::string_view(state) == "23505";
    throw e;
  }

  static void fill_row(PGresult* r, int i, Row& row) {
    int n = PQnfields(r);
    row.cells_.resize(static_cast<size_t>(n));
    for (int j = 0; j < n; ++j) {
      auto& c = row.cells_[static_cast<size_t>(j)];
      c.is_int = false;
      c.null = PQgetisnull(r, i, j);
      if (c.null) {
        c.s.clear();
      } else {
        c.s.assign(PQgetvalue(r, i, j), static_cast<size_t>(PQgetlength(r, i, j)));
      }
    }
  }

  PGconn* conn_ = nullptr;
  std::unordered_map<std::string, std::string> prepared_;
  std::unordered_map<std::string, std::string> sequences_;  // table → its id sequence
  CopyWriter* active_copy_ = nullptr;
  std::vector<CopyWriter*> writers_;  // live writers, oldest first
};

}  // namespace

std::unique_ptr<Connection> open_postgresql(const std::string& url) {
  return std::make_unique<PgConnection>(url);
}

}  // namespace bo::store
