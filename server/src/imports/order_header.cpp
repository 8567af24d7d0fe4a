#include "imports/order_header.hpp"

namespace bo::imports {

std::string Header::column_name(size_t i) const {
  if (i < names.size() && !names[i].empty()) return names[i];
  return "column " + std::to_string(i + 1);
}

Header read_header(const csv::Record& record) {
  Header h;
  h.index.fill(-1);
  for (size_t i = 0; i < record.size(); ++i) {
    std::string name = csv::normalize_header(record[i]);
    h.names.push_back(name);
    if (name.empty()) {
      h.problems.push_back({h.column_name(i), "This column has no name; it is ignored.", true});
      continue;
    }
    bool known = false;
    for (size_t f = 0; f < kFieldCount; ++f) {
      if (kFieldNames[f] != name) continue;
      known = true;
      if (h.index[f] >= 0) h.problems.push_back({name, "This column appears twice."});
      else h.index[f] = static_cast<int>(i);
    }
    if (known) continue;
    if (name.starts_with(kAttendeePrefix) && name.size() > kAttendeePrefix.size()) {
      std::string key = name.substr(kAttendeePrefix.size());
      bool twice = false;
      for (const auto& a : h.attendee) twice = twice || a.key == key;
      if (twice) h.problems.push_back({name, "This column appears twice."});
      else h.attendee.push_back({i, key});
      continue;
    }
    h.problems.push_back({name, "Unknown column; it is ignored.", true});
  }
  for (auto f : {Field::order_ref, Field::email, Field::event, Field::ticket_type})
    if (h.of(f) < 0) h.problems.push_back({std::string(kFieldNames[static_cast<size_t>(f)]), "Required column is missing."});
  return h;
}

}  // namespace bo::imports
