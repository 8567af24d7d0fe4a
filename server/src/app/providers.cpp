#include "app/providers.hpp"

#include "payments/demo_provider.hpp"
#include "payments/mollie_provider.hpp"
#include "payments/stripe_provider.hpp"

namespace bo::app {

Providers::Providers(const ServeConfig& cfg) {
  by_name_["demo"] = payments::make_demo_provider();
  std::chrono::milliseconds timeout(cfg.provider_timeout_seconds * 1000);
  if (!cfg.stripe_key.empty())
    by_name_["stripe"] = payments::make_stripe_provider({cfg.stripe_url, cfg.stripe_key, cfg.stripe_webhook_secret, timeout});
  if (!cfg.mollie_key.empty())
    by_name_["mollie"] = payments::make_mollie_provider({cfg.mollie_url, cfg.mollie_key, "", timeout});
}

void Providers::install(services::Context& ctx) {
  ctx.provider = [this](const std::string& name) -> payments::PaymentProvider* {
    auto it = by_name_.find(name);
    return it == by_name_.end() ? nullptr : it->second.get();
  };
}
}  // namespace bo::app
