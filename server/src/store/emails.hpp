#pragma once
// The e-mail outbox. A message is queued in the same transaction as the change that causes it and
// delivered afterwards by a worker that claims it with a lease, so it survives restarts and is shared
// safely between processes: queued → sending → sent | retrying → … | failed.
#include <optional>
#include <string>
#include <vector>

#include "domain/email_record.hpp"
#include "domain/states.hpp"
#include "store/db.hpp"

namespace bo::store {
using domain::EmailRecord;

struct NewEmail {
  int64_t organisation_id = 0;
  std::optional<int64_t> order_id;
  std::string kind, to, subject, text, html;
  std::string attachments = "{}";  // JSON: what to render at delivery, e.g. {"tickets_pdf":[ids]}
};

// A message that was delivered at `sent_at` (demo history).
int64_t insert_sent_email(Connection& c, const NewEmail& e, std::string_view message_id, int64_t created_at,
                          int64_t sent_at);
int64_t queue_email(Connection& c, const NewEmail& e, int64_t now);
// Claims the oldest due message (queued or retrying and due, or sending with an expired lease).
std::optional<EmailRecord> claim_email(Connection& c, int64_t now, int64_t lease_seconds);
void mark_email_sent(Connection& c, int64_t id, int64_t now);
void mark_email_retry(Connection& c, int64_t id, int64_t next_attempt_at, const std::string& error);
void mark_email_failed(Connection& c, int64_t id, const std::string& error);
std::vector<EmailRecord> emails_of_order(Connection& c, int64_t order_id);
// E-mails of `kind` about no order (invitations) an organisation queued at or after `since`.
int64_t count_emails_since(Connection& c, int64_t org_id, std::string_view kind, int64_t since);

}  // namespace bo::store
