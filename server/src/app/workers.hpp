#pragma once
// Background work inside `serve`: e-mail outbox delivery, refund submission and completion, imports.
// Each worker polls the database (so several processes can share it) and can be woken early.
#include <memory>
#include <vector>

#include "app/config.hpp"
#include "http/api.hpp"

namespace bo::app {
class Workers {
 public:
  Workers(services::Context& ctx, const ServeConfig& cfg);
  ~Workers();
  void register_routes(http::Routes& routes);
  void start();
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};
}  // namespace bo::app
