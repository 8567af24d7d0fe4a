#pragma once
// Applies the embedded db/migrations/*.sql files that are not applied yet, in order, each in its own
// transaction. Safe when several processes start at once (PostgreSQL advisory lock; SQLite write lock).
#include "store/db.hpp"

namespace bo::store {
void migrate(Connection& c);
// The SQL of one migration file with the dialect placeholders filled in.
std::string dialect_sql(std::string_view sql, Dialect d);
}  // namespace bo::store
