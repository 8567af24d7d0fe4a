#pragma once
// Reading one snapshot on several cores. Debian's SQLite is built without the snapshot API; instead the
// write lock is held while each part's read transaction starts, so that no commit can fall between them.
#include <functional>

#include "store/db.hpp"

namespace bo::store {

// Runs part(i, connection) for i in [0, parts), each on a thread and connection of its own, all reading the
// same snapshot. On PostgreSQL, or when another connection holds SQLite's write lock for longer than a
// moment (an import committing), the parts run one after another in one read transaction instead.
void read_in_parallel(Database& db, int parts, const std::function<void(int, Connection&)>& part);

// How many parts a long read is worth splitting into on this machine.
int read_parts();

}  // namespace bo::store
