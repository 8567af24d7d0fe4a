#pragma once
// Personalisation fields of a ticket type and validation of attendee values by field kind
// (text, email, date, phone, select).
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace bo::domain {

struct FieldDef {
  std::string key, label, kind;  // kind: text, email, date, phone, select
  bool required = false;
  std::vector<std::string> options;  // select only
};

using AttendeeValues = std::map<std::string, std::string>;

// Keys of required fields without a value.
std::vector<std::string> missing_fields(const std::vector<FieldDef>& fields, const AttendeeValues& values);

// Merges `input` into `current` after validating each value by kind (trimmed; phone → E.164).
// An empty value removes the field. With `require_all`, required fields left empty are errors too.
// Errors are keyed by field key; unknown keys are errors.
AttendeeValues validate_attendee(const std::vector<FieldDef>& fields, const AttendeeValues& current,
                                 const std::map<std::string, std::string>& input, const std::string& region,
                                 const std::string& today, bool require_all,
                                 std::map<std::string, std::string>& errors);

// Checks a ticket type's field list (keys unique and [a-z0-9_]+, labels, known kinds, a select has
// distinct options). Errors are keyed "fields.<index>.<part>" ("fields" for the list itself).
std::map<std::string, std::string> check_field_defs(const std::vector<FieldDef>& fields);

// "First Last" from the usual keys (first_name/last_name, or name); empty when unknown.
std::string attendee_name(const AttendeeValues& values);

}  // namespace bo::domain
