#pragma once
// JSON-in-TEXT columns ↔ domain values.
#include <string>
#include <vector>

#include "domain/personalisation.hpp"

namespace bo::store {
std::vector<domain::FieldDef> parse_fields(const std::string& json);
std::string fields_json(const std::vector<domain::FieldDef>& fields);
domain::AttendeeValues parse_attendee(const std::string& json);
std::string attendee_json(const domain::AttendeeValues& values);
std::vector<int64_t> parse_ids(const std::string& json);
std::string ids_json(const std::vector<int64_t>& ids);
}  // namespace bo::store
