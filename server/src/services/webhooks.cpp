#include "services/webhooks.hpp"

#include <spdlog/spdlog.h>

#include "common/error.hpp"
#include "services/refunds.hpp"
#include "store/webhook_events.hpp"

namespace bo::services {
namespace {
constexpr size_t kMaxUpdatesPerWebhook = 10;
constexpr int64_t kLeaseSeconds = 120;
}  // namespace

void receive_webhook(Context& ctx, const std::string& name, const payments::WebhookRequest& request) {
  auto* provider = ctx.provider(name);
  if (!provider || name == "demo") throw not_found("provider");
  auto result = provider->handle_webhook(request);
  if (result.verdict != payments::WebhookVerdict::accepted) {
    spdlog::warn("{} webhook rejected: {}", name, result.error);
    throw bad_request("Webhook not accepted: " + result.error);
  }
  bool added = false;
  auto c = ctx.db.acquire();
  for (size_t i = 0; i < result.updates.size() && i < kMaxUpdatesPerWebhook; ++i) {
    const auto& u = result.updates[i];
    store::WebhookEvent e{0, name, u.refund_ref.empty() ? "payment" : "refund",
                          u.refund_ref.empty() ? u.payment_ref : u.refund_ref};
    if (e.resource.empty() || store::pending_refunds_named_by(*c, e).empty()) continue;
    auto recorded = store::record_webhook_event(*c, e, ctx.clock.now(), kMaxWaitingWebhookEvents);
    if (recorded == store::Recorded::full) {
      spdlog::warn("{} webhook for {} not recorded: {} events wait already", name, e.resource, kMaxWaitingWebhookEvents);
      throw Error("busy", "Too many webhook events wait. Try again later.");
    }
    added |= recorded == store::Recorded::added;
  }
  if (added) ctx.wake_webhooks();
}

bool FetchBudget::take(const std::string& provider, int64_t now) {
  std::lock_guard lock(mu_);
  auto& [minute, calls] = used_[provider];
  if (minute != now / 60) {
    minute = now / 60;
    calls = 0;
  }
  if (calls >= per_minute_) return false;
  ++calls;
  return true;
}

int process_webhook_events(Context& ctx, FetchBudget& budget) {
  auto now = ctx.clock.now();
  std::vector<store::WebhookEvent> due;
  {
    auto c = ctx.db.acquire();
    due = store::claim_due_webhook_events(*c, now, kLeaseSeconds, 20);
  }
  int settled = 0;
  for (const auto& e : due) {
    std::vector<int64_t> refunds;
    {
      auto c = ctx.db.acquire();
      refunds = store::pending_refunds_named_by(*c, e);
    }
    bool postponed = false;
    for (auto id : refunds) {
      if (!budget.take(e.provider, ctx.clock.now())) {
        postponed = true;
        break;
      }
      try {
        poll_refund(ctx, id);
      } catch (const std::exception& ex) {
        spdlog::error("{} webhook for {}: refund {}: {}", e.provider, e.resource, id, ex.what());
      }
    }
    auto c = ctx.db.acquire();
    if (postponed) {
      store::postpone_webhook_event(*c, e.id, FetchBudget::next_minute(ctx.clock.now()));
    } else {
      store::delete_webhook_event(*c, e.id);
      ++settled;
    }
  }
  return settled;
}

}  // namespace bo::services
