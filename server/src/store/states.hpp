#pragma once
// Stored states back into enums: a value the code does not know means a newer or damaged database,
// an error (logged, 500), never a guess.
#include <string>

#include "domain/role.hpp"
#include "domain/states.hpp"
#include "store/db.hpp"

namespace bo::store {
template <domain::State E>
E read_state(const std::string& s) {
  if (auto v = domain::parse_state<E>(s)) return *v;
  throw DbError("unknown state in the database: " + s.substr(0, 40));
}
inline domain::Role read_role(const std::string& s) {
  if (auto r = domain::parse_role(s)) return *r;
  throw DbError("unknown role in the database: " + s.substr(0, 40));
}
}  // namespace bo::store
