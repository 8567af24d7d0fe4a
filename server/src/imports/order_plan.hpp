#pragma once
// An order import file (docs/import-format.md) read into a plan: every row checked against the
// organisation's catalog (events, ticket types), rows grouped into orders by order_ref, order-level
// fields checked for consistency. Pure: no I/O. The caller marks order_refs that already exist, then
// checks capacity and summarises; a plan without errors can be written as it is.
#include <climits>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "domain/order.hpp"
#include "domain/personalisation.hpp"

namespace bo::imports {

struct CatalogType {
  int64_t id = 0, event_id = 0;
  std::string name;
  int64_t price = 0, fee = 0, capacity = 0, issued = 0;
  std::vector<domain::FieldDef> fields;
};

struct CatalogEvent {
  int64_t id = 0;
  std::string name;
  std::vector<uint32_t> types;  // indexes into Catalog::types
};

// What rows are checked against: the organisation's settings, events and ticket types.
struct Catalog {
  std::string currency = "EUR", time_zone = "UTC", country;
  std::vector<CatalogEvent> events;
  std::vector<CatalogType> types;
};

// The catalog of an organisation from its events and ticket types (types ordered by event and position);
// types of events not among `events` are left out.
Catalog make_catalog(const domain::Organisation& org, const std::vector<domain::Event>& events,
                     const std::vector<domain::TicketType>& types);

struct RowError {
  int64_t line = 0;
  std::string column, value, message;
};

// Every error counted; the first kKept by line kept.
class Errors {
 public:
  static constexpr size_t kKept = 1000;
  void add(int64_t line, std::string_view column, std::string_view value, std::string message);
  // The kept errors ordered by line (stable within a line).
  const std::vector<RowError>& kept();
  int64_t total() const { return total_; }
  bool empty() const { return total_ == 0; }

 private:
  void trim_to_kept();
  std::vector<RowError> kept_;
  int64_t total_ = 0;
  int64_t limit_ = INT64_MAX;
};

// Owns copies of text that cannot stay a view into the file (unescaped quotes, normalised values).
class TextArena {
 public:
  std::string_view copy(std::string_view s);

 private:
  std::vector<std::unique_ptr<char[]>> blocks_;
  char* next_ = nullptr;
  size_t left_ = 0;
};

enum class Method : uint8_t { card, ideal, bancontact, paypal, bank_transfer, cash, invoice, free };
std::string_view to_string(Method m);
// The payment provider recorded for an imported payment: `none` for free orders, `manual` otherwise
// (an imported payment has no provider reference, whatever channel collected it).
std::string_view provider_for(Method m);

struct PlannedTicket {
  uint32_t order = 0, type = 0, line = 0;
  int64_t price = 0, fee = 0;
  std::string_view attendee;  // JSON object, empty for none
};

struct PlannedOrder {
  std::string_view ref, email, first_name, last_name;
  std::string_view mobile;      // E.164 once the plan is read; empty when not given
  std::string_view raw_mobile;  // as written on its first row
  std::string_view language;    // ISO 639-1, lower case; empty when not given
  int64_t ordered_at = 0, price = 0, fees = 0;
  uint32_t event = 0, first_line = 0, tickets = 0;
  Method method = Method::bank_transfer;
  bool paid = true;
  bool exists = false;  // its order_ref is already an order: skipped
};

struct Progress {
  std::string_view phase;  // a literal: reading, checking, writing
  int64_t done = 0, total = 0;
};
using ProgressFn = std::function<void(const Progress&)>;

// A plan points into the file text it was read from: keep that text alive with the plan.
struct Plan {
  std::vector<PlannedOrder> orders;    // in order of first appearance
  std::vector<PlannedTicket> tickets;  // in line order
  Errors errors;
  std::vector<std::string> warnings;
  int64_t rows = 0;
  TextArena text;
};

// Ticket indexes grouped by order: order i's tickets, in line order, are
// tickets[offsets[i]] … tickets[offsets[i + 1] - 1].
struct TicketsByOrder {
  std::vector<uint32_t> offsets, tickets;
};
TicketsByOrder group_tickets(const Plan& plan);

// `now` (UTC seconds) is the default ordered_at and the limit for it. Progress reports rows read.
std::unique_ptr<Plan> read_plan(std::string_view file, const Catalog& catalog, int64_t now,
                                const ProgressFn& progress = {});

// Marks `exists` on the orders whose order_ref is among `taken`.
void mark_existing(Plan& plan, const std::unordered_set<std::string>& taken);
// The order_refs of the plan, to look up.
std::vector<std::string_view> refs_of(const Plan& plan);

// Adds an error per ticket type whose capacity the orders to be created would exceed
// (capacity − issued, counting only orders not marked `exists`).
void check_capacity(Plan& plan, const Catalog& catalog);

struct TypeTotal {
  uint32_t type = 0;
  int64_t orders = 0, tickets = 0, price = 0, fees = 0;
};

// What a commit of the plan would create.
struct Summary {
  int64_t rows = 0, orders = 0, tickets = 0, skipped_existing = 0, skipped_tickets = 0, price = 0, fees = 0;
  std::vector<TypeTotal> by_type;       // ticket types in catalog order
  std::vector<uint32_t> sample_orders;  // up to 10 orders to be created, by first line
  std::vector<std::string> warnings;
};
Summary summarise(const Plan& plan, const Catalog& catalog);

// The first problem that makes `file` unusable as a UTF-8 CSV text (empty, NUL bytes, invalid
// UTF-8 or no header), with its line; nullopt when it can be read.
std::optional<RowError> unreadable(std::string_view file);

}  // namespace bo::imports
