#pragma once
// The header row of an order import: which column holds which field, attendee_<key> columns, and
// the problems found (missing required columns are errors, unknown columns are warnings).
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "imports/csv_reader.hpp"

namespace bo::imports {

enum class Field : uint8_t {
  order_ref, email, first_name, last_name, mobile, event, ticket_type, price, service_fee, payment_method,
  status, ordered_at, language
};
inline constexpr size_t kFieldCount = 13;
inline constexpr std::array<std::string_view, kFieldCount> kFieldNames{
    "order_ref", "email", "first_name", "last_name", "mobile", "event", "ticket_type", "price", "service_fee",
    "payment_method", "status", "ordered_at", "language"};
inline constexpr std::string_view kAttendeePrefix = "attendee_";

struct AttendeeColumn {
  size_t index;
  std::string key;
};

struct HeaderProblem {
  std::string column, message;
  bool warning = false;
};

struct Header {
  std::array<int, kFieldCount> index;  // column of each field, -1 when absent
  std::vector<AttendeeColumn> attendee;
  std::vector<std::string> names;  // normalised name of every column
  std::vector<HeaderProblem> problems;
  int of(Field f) const { return index[static_cast<size_t>(f)]; }
  // The name of column `i` for messages ("column 7" beyond the header).
  std::string column_name(size_t i) const;
};

Header read_header(const csv::Record& record);

}  // namespace bo::imports
