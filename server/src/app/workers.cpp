#include "app/workers.hpp"

namespace bo::app {
struct Workers::Impl {
  services::Context& ctx;
  const ServeConfig& cfg;
};

Workers::Workers(services::Context& ctx, const ServeConfig& cfg) : impl_(new Impl{ctx, cfg}) {}
Workers::~Workers() { stop(); }
void Workers::register_routes(http::Routes&) {}
void Workers::start() {}
void Workers::stop() {}
}  // namespace bo::app
