#pragma once
// Delivers the outbox: claims one due message at a time, renders its ticket PDF from the order as it is
// now, sends it, and records the result on the message and in the order's history. Retries temporary
// failures with exponential backoff; gives up after `max_attempts`.
#include <string>

#include "mail/transport.hpp"
#include "services/context.hpp"

namespace bo::services {

struct DeliverySettings {
  std::string mail_from;          // envelope and From address; empty: the organisation's sender
  int64_t lease_seconds = 120;    // a message stuck in `sending` longer than this is tried again
  int64_t retry_base_seconds = 30;
  int max_attempts = 8;
};

// Delivers at most one message through `transport`; false when none was due.
bool deliver_next_email(Context& ctx, mail::Transport& transport, const DeliverySettings& settings);

}  // namespace bo::services
