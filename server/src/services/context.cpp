#include "services/context.hpp"

#include <spdlog/spdlog.h>

namespace bo::services {

store::Database& lagging_reads(Context& ctx) {
  if (!ctx.replica) return ctx.db;
  try {
    auto c = ctx.replica->acquire();
    store::ping(*c);
    return *ctx.replica;
  } catch (const std::exception& e) {
    spdlog::warn("the read replica does not answer ({}); reading the primary", e.what());
    return ctx.db;
  }
}

}  // namespace bo::services
