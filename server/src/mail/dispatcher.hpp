#pragma once
// Delivers the outbox: claims one due message at a time, renders its ticket PDF from the order as it is
// now, sends it, and records the result on the message and in the order's history. Retries temporary
// failures with exponential backoff; gives up after `max_attempts`.
#include <memory>
#include <string>

#include "common/time.hpp"
#include "mail/transport.hpp"
#include "store/db.hpp"

namespace bo::mail {

struct DispatchSettings {
  std::string mail_from;          // envelope and From address; empty: the organisation's sender
  int64_t lease_seconds = 120;    // a message stuck in `sending` longer than this is tried again
  int64_t retry_base_seconds = 30;
  int max_attempts = 8;
};

class Dispatcher {
 public:
  Dispatcher(store::Database& db, const Clock& clock, std::unique_ptr<Transport> transport, DispatchSettings s);
  // Delivers at most one message; false when none was due.
  bool deliver_one();

 private:
  store::Database& db_;
  const Clock& clock_;
  std::unique_ptr<Transport> transport_;
  DispatchSettings settings_;
};

}  // namespace bo::mail
