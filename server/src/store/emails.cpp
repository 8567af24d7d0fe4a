#include "store/emails.hpp"
#include "store/states.hpp"

#include "common/random.hpp"

namespace bo::store {
namespace {
constexpr const char* kColumns =
    "id, organisation_id, attempts, created_at, next_attempt_at, order_id, sent_at, kind, to_address, subject, "
    "body_text, body_html, attachments, message_id, status, last_error";

EmailRecord read(const Row& r) {
  EmailRecord e;
  Fields f(r);
  e.id = f.i64();
  e.organisation_id = f.i64();
  e.attempts = f.i64();
  e.created_at = f.i64();
  e.next_attempt_at = f.i64();
  e.order_id = f.opt_i64();
  e.sent_at = f.opt_i64();
  e.kind = f.text();
  e.to = f.text();
  e.subject = f.text();
  e.text = f.text();
  e.html = f.text();
  e.attachments = f.text();
  e.message_id = f.text();
  e.status = read_state<domain::EmailStatus>(f.text());
  e.last_error = f.opt_text();
  return e;
}
}  // namespace

int64_t queue_email(Connection& c, const NewEmail& e, int64_t now) {
  std::string message_id = random_token(12) + "@boxoffice";
  return c.select("INSERT INTO emails (organisation_id, order_id, kind, to_address, subject, body_text, body_html, "
             "attachments, message_id, status, next_attempt_at, created_at) "
             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'queued', ?, ?) RETURNING id",
             e.organisation_id, e.order_id, e.kind, e.to, e.subject, e.text, e.html, e.attachments, message_id, now,
             now)[0]
      .i64(0);
}

int64_t insert_sent_email(Connection& c, const NewEmail& e, std::string_view message_id, int64_t created_at,
                          int64_t sent_at) {
  return c.select("INSERT INTO emails (organisation_id, order_id, kind, to_address, subject, body_text, body_html, "
             "attachments, message_id, status, attempts, next_attempt_at, created_at, sent_at) "
             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'sent', 1, ?, ?, ?) RETURNING id",
             e.organisation_id, e.order_id, e.kind, e.to, e.subject, e.text, e.html, e.attachments, message_id,
             created_at, created_at, sent_at)[0]
      .i64(0);
}

std::optional<EmailRecord> claim_email(Connection& c, int64_t now, int64_t lease) {
  Transaction tx(c);
  std::string pick =
      "SELECT id FROM emails WHERE (status IN ('queued', 'retrying') AND next_attempt_at <= ?) "
      "OR (status = 'sending' AND locked_until < ?) ORDER BY next_attempt_at, id LIMIT 1";
  if (c.dialect() == Dialect::postgresql) pick += " FOR UPDATE SKIP LOCKED";
  auto id = c.select_one(pick, now, now);
  if (!id) {
    tx.commit();
    return std::nullopt;
  }
  c.run("UPDATE emails SET status = 'sending', locked_until = ?, attempts = attempts + 1 WHERE id = ?", now + lease,
      id->i64(0));
  auto row = c.select_one(std::string("SELECT ") + kColumns + " FROM emails WHERE id = ?", id->i64(0));
  tx.commit();
  return read(*row);
}

void mark_email_sent(Connection& c, int64_t id, int64_t now) {
  c.run("UPDATE emails SET status = 'sent', sent_at = ?, locked_until = NULL, last_error = NULL WHERE id = ?", now, id);
}

void mark_email_retry(Connection& c, int64_t id, int64_t next, const std::string& error) {
  c.run("UPDATE emails SET status = 'retrying', next_attempt_at = ?, locked_until = NULL, last_error = ? WHERE id = ?",
      next, error, id);
}

void mark_email_failed(Connection& c, int64_t id, const std::string& error) {
  c.run("UPDATE emails SET status = 'failed', locked_until = NULL, last_error = ? WHERE id = ?", error, id);
}

std::vector<EmailRecord> emails_of_order(Connection& c, int64_t order_id) {
  std::vector<EmailRecord> out;
  for (const auto& r : c.select(std::string("SELECT ") + kColumns + " FROM emails WHERE order_id = ? ORDER BY id DESC",
                           order_id))
    out.push_back(read(r));
  return out;
}

int64_t count_emails_since(Connection& c, int64_t org_id, std::string_view kind, int64_t since) {
  return c.select("SELECT COUNT(*) FROM emails WHERE order_id IS NULL AND organisation_id = ? AND kind = ? AND created_at >= ?",
             org_id, kind,
             since)[0]
      .i64(0);
}

}  // namespace bo::store
