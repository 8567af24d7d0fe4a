#include "app/workers.hpp"

#include "app/import_worker.hpp"

namespace bo::app {
struct Workers::Impl {
  services::Context& ctx;
  const ServeConfig& cfg;
  ImportWorker imports{ctx};
};

Workers::Workers(services::Context& ctx, const ServeConfig& cfg) : impl_(new Impl{ctx, cfg}) {
  ctx.wake_imports = [this] { impl_->imports.wake(); };
}
Workers::~Workers() { stop(); }
void Workers::register_routes(http::Routes&) {}
void Workers::start() { impl_->imports.start(); }
void Workers::stop() { impl_->imports.stop(); }
}  // namespace bo::app
