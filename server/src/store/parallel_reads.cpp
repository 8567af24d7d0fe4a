#include "store/parallel_reads.hpp"

#include <algorithm>
#include <exception>
#include <thread>

namespace bo::store {
namespace {
constexpr int kLockWaitMs = 200;
}

int read_parts() { return std::clamp(static_cast<int>(std::thread::hardware_concurrency()), 1, 4); }

void read_in_parallel(Database& db, int parts, const std::function<void(int, Connection&)>& part) {
  auto lead = db.acquire();
  if (db.dialect() == Dialect::sqlite && parts > 1) {
    std::vector<Conn> conns;
    for (int i = 0; i < parts; ++i) conns.push_back(db.acquire_own());
    if (lead->try_begin_write(kLockWaitMs)) {
      try {
        // A read transaction takes its snapshot at its first read.
        for (auto& c : conns) {
          c->begin(false);
          c->select("SELECT 1 FROM sqlite_schema LIMIT 1");
        }
      } catch (...) {
        lead->rollback();
        throw;
      }
      lead->rollback();
      std::vector<std::exception_ptr> errors(static_cast<size_t>(parts));
      {
        std::vector<std::jthread> threads;
        for (int i = 0; i < parts; ++i)
          threads.emplace_back([&, i] {
            auto& c = *conns[static_cast<size_t>(i)];
            try {
              part(i, c);
              c.commit();
            } catch (...) {
              errors[static_cast<size_t>(i)] = std::current_exception();
            }
          });
      }
      for (auto& e : errors)
        if (e) std::rethrow_exception(e);
      return;
    }
  }
  Transaction tx(*lead, false);
  for (int i = 0; i < parts; ++i) part(i, *lead);
  tx.commit();
}

}  // namespace bo::store
