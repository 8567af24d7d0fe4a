#pragma once
// The payment providers the configuration names (the demo provider always), installed into a context.
#include <map>
#include <memory>
#include <string>

#include "app/config.hpp"
#include "payments/provider.hpp"

namespace bo::app {
class Providers {
 public:
  explicit Providers(const ServeConfig& cfg);
  // ctx.provider answers from these; they must outlive the context's use.
  void install(services::Context& ctx);

 private:
  std::map<std::string, std::unique_ptr<payments::PaymentProvider>> by_name_;
};
}  // namespace bo::app
