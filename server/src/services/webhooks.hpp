#pragma once
// Payment-provider webhooks. The request only reads what can be read without calling the provider
// (Stripe's signature and event; the payment id of a Mollie post) and records the id when it names one
// of our pending refunds; the webhook worker later fetches the refund's state from the provider, within
// a budget of calls per provider and minute. A forged id costs a database lookup and no outgoing call.
#include <cstdint>
#include <map>
#include <mutex>
#include <string>

#include "payments/provider.hpp"
#include "services/context.hpp"

namespace bo::services {

inline constexpr int64_t kMaxWaitingWebhookEvents = 10000;
inline constexpr int kProviderFetchesPerMinute = 60;

// Throws not_found (unknown provider), bad_request (not authentic or malformed) or busy (503: too many
// events wait; the provider retries later).
void receive_webhook(Context& ctx, const std::string& provider, const payments::WebhookRequest& request);

// Calls to each provider per calendar minute, in this process.
class FetchBudget {
 public:
  FetchBudget() = default;
  explicit FetchBudget(int per_minute) : per_minute_(per_minute) {}
  bool take(const std::string& provider, int64_t now);
  static int64_t next_minute(int64_t now) { return now - now % 60 + 60; }

 private:
  int per_minute_ = kProviderFetchesPerMinute;
  std::mutex mu_;
  std::map<std::string, std::pair<int64_t, int>> used_;  // provider → (minute, calls)
};

// One pass of the webhook worker; returns how many events it settled.
int process_webhook_events(Context& ctx, FetchBudget& budget);

}  // namespace bo::services
