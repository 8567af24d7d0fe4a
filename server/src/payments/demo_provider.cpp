#include "payments/demo_provider.hpp"

#include "common/random.hpp"

namespace bo::payments {
namespace {
class DemoProvider final : public PaymentProvider {
 public:
  std::string name() const override { return "demo"; }
  RefundResult create_refund(const RefundRequest& r) override {
    if (r.amount <= 0) return {RefundState::failed, "", "The amount must be positive."};
    return {RefundState::pending, "demo_re_" + random_token(9), ""};
  }
  RefundResult get_refund(const std::string&, const std::string& refund_ref) override {
    return {RefundState::succeeded, refund_ref, ""};
  }
  WebhookResult handle_webhook(const WebhookRequest&) override { return {WebhookVerdict::rejected, {}, "not used"}; }
};
}  // namespace
std::unique_ptr<PaymentProvider> make_demo_provider() { return std::make_unique<DemoProvider>(); }
}  // namespace bo::payments
