#pragma once
// An e-mail of the outbox as the order's e-mail log shows it.
#include <cstdint>
#include <optional>
#include <string>

#include "domain/states.hpp"

namespace bo::domain {

struct EmailRecord {
  int64_t id = 0, organisation_id = 0, attempts = 0, created_at = 0, next_attempt_at = 0;
  std::optional<int64_t> order_id, sent_at;
  std::string kind, to, subject, text, html, attachments, message_id;
  EmailStatus status = EmailStatus::queued;
  std::optional<std::string> last_error;
};

}  // namespace bo::domain
