#pragma once
// Webhook events waiting for their state to be fetched from the provider (db/migrations/010).
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "store/db.hpp"

namespace bo::store {

struct WebhookEvent {
  int64_t id = 0;
  std::string provider, kind, resource;  // kind: refund or payment
};

enum class Recorded { added, already_waiting, full };
// Adds the event unless the same one waits already or `max_waiting` events wait.
Recorded record_webhook_event(Connection& c, const WebhookEvent& e, int64_t now, int64_t max_waiting);
// Events due now, each leased for `lease` seconds by moving its next attempt.
std::vector<WebhookEvent> claim_due_webhook_events(Connection& c, int64_t now, int64_t lease, int limit);
void delete_webhook_event(Connection& c, int64_t id);
void postpone_webhook_event(Connection& c, int64_t id, int64_t next_attempt_at);
int64_t count_webhook_events(Connection& c);

// Pending refunds with a provider reference that an event concerns: the refund itself (kind refund) or
// the refunds of the payment (kind payment). At most 100.
std::vector<int64_t> pending_refunds_named_by(Connection& c, const WebhookEvent& e);

}  // namespace bo::store
