#pragma once
// Writes imported orders in bulk, one table after the other (orders, tickets, payments, history):
// the caller reserves the ids, owns the transaction and keeps `issued` counters in step.
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "domain/order.hpp"
#include "domain/states.hpp"
#include "store/db.hpp"

namespace bo::store {

struct ImportedOrder {
  int64_t id = 0, event_id = 0, ticket_count = 0, total_price = 0, total_fees = 0, created_at = 0, updated_at = 0;
  std::optional<int64_t> paid_at;
  std::string_view number, external_ref, payment_method, email, first_name, last_name, mobile, language;
  domain::OrderStatus status = domain::OrderStatus::paid;
};

struct ImportedTicket {
  int64_t id = 0, order_id = 0, ticket_type_id = 0, price = 0, fee = 0, created_at = 0;
  std::optional<int64_t> paid_at;  // the order's
  std::string_view barcode, attendee;  // attendee: JSON object, empty for none
};

struct ImportedPayment {
  int64_t id = 0, order_id = 0, amount = 0, created_at = 0;
  std::optional<int64_t> paid_at;
  std::string_view method, provider;
  domain::PaymentStatus status = domain::PaymentStatus::paid;
};

struct ImportedHistory {
  int64_t id = 0, order_id = 0, at = 0;
  std::string_view data;  // JSON
};

class ImportWriter {
 public:
  ImportWriter(Connection& c, int64_t org_id, std::string_view currency, int64_t import_id,
               const domain::Actor& actor);
  // Each kind in one run, in the order of these functions; a new kind finishes the previous one.
  void order(const ImportedOrder& o);
  void ticket(const ImportedTicket& t);
  void payment(const ImportedPayment& p);
  void history(const ImportedHistory& h);
  void finish();

 private:
  enum class Table { none, orders, tickets, payments, history };
  Connection::BulkWriter& open(Table t);
  Connection& c_;
  int64_t org_id_, import_id_;
  std::string currency_;
  domain::Actor actor_;
  Table table_ = Table::none;
  std::unique_ptr<Connection::BulkWriter> writer_;
  std::string email_lc_, last_name_lc_, full_name_lc_;
};

// Adds `n` to the issued counter of a ticket type.
void add_issued(Connection& c, int64_t ticket_type_id, int64_t n);

}  // namespace bo::store

namespace bo::store {

// SQLite checks every foreign key of every row it inserts, PostgreSQL with a trigger per row. A bulk
// write whose references are known to exist (the organisation, ticket types read in the same write
// transaction, and rows it wrote itself) may switch the checks off: create this before the transaction
// begins and let it go after the transaction ends. On PostgreSQL only a role that may set
// session_replication_role (a superuser) can; other roles keep the checks.
class ForeignKeyChecksOff {
 public:
  explicit ForeignKeyChecksOff(Connection& c);
  ~ForeignKeyChecksOff();
  ForeignKeyChecksOff(const ForeignKeyChecksOff&) = delete;
  ForeignKeyChecksOff& operator=(const ForeignKeyChecksOff&) = delete;

 private:
  Connection& c_;
  bool switched_ = false;
};

// A bulk write's transaction on SQLite: durable once it commits (the write-ahead log is synced then, as
// PostgreSQL syncs its log at a commit), with the copy of the log into the database file left to
// checkpoint() afterwards instead of running inside the commit. While the transaction writes, the log's
// pages are handed to the disk as they come, so that the sync at the commit has little left to wait for.
// Create before the transaction begins; the connection's settings return when it goes.
class BulkCommit {
 public:
  explicit BulkCommit(Connection& c);
  ~BulkCommit();
  BulkCommit(const BulkCommit&) = delete;
  BulkCommit& operator=(const BulkCommit&) = delete;

 private:
  Connection& c_;
  std::string restore_;  // the statements that put the connection's own settings back
  std::jthread writeback_;
};

// Copies what the write-ahead log holds into the SQLite database file (after a bulk write's commit);
// nothing on PostgreSQL, whose own checkpointer does this.
void checkpoint(Connection& c);

// For generating test data: drops the secondary indexes of `tables` (to be built once at the end, which is
// much faster than updating them row by row) and returns the statements that build them again; on SQLite
// the connection also stops syncing. Give the statements to create_indexes, then run analyze.
std::vector<std::string> drop_indexes_for_loading(Connection& c, const std::vector<std::string>& tables);
// Refreshes the statistics the query planner uses.
void analyze(Connection& c);

// Runs CREATE INDEX statements with the settings that build them fastest.
void create_indexes(Connection& c, const std::vector<std::string>& create_sql);

// For a bulk write that at least doubles a table on SQLite: drops the table's secondary indexes that
// can be dropped (those behind a UNIQUE column constraint cannot; partial ones stay, as they hold few
// rows and a build would still read the whole table) and builds them again in rebuild(),
// from sorted keys, which is several times faster than inserting the keys one by one. Unique indexes
// are checked when they are built again, so a duplicate still fails the transaction. Inside a write
// transaction only; readers keep seeing the indexes until it commits. Does nothing on PostgreSQL,
// where dropping an index would block every reader of the table.
class IndexRebuild {
 public:
  IndexRebuild(Connection& c, std::string_view table, int64_t new_rows);
  void rebuild();

 private:
  Connection& c_;
  std::vector<std::string> create_sql_;
};

}  // namespace bo::store
