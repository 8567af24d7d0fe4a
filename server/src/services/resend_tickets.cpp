#include "services/resend_tickets.hpp"

#include <nlohmann/json.hpp>

#include "common/error.hpp"
#include "services/compose_email.hpp"
#include "services/orders.hpp"
#include "store/orders.hpp"

namespace bo::services {
namespace {
void check_resend(const Principal& p, const domain::OrderAggregate& a, const std::string& confirmed, int64_t now) {
  auto actions = domain::available_actions(domain::facts_of(a), p.organisation.policy, p.role, now);
  if (!actions.resend.enabled) throw Error(actions.resend.reason, domain::reason_message(actions.resend.reason));
  const auto& email = *a.order.contact.email;
  if (domain::to_lower_ascii(domain::trim(confirmed)) != domain::to_lower_ascii(email))
    throw Error("email_mismatch", "The contact e-mail address changed to " + email + ". Confirm it again.");
}
}  // namespace

domain::OrderAggregate preview_resend(Context& ctx, const Principal& p, std::string_view number,
                                      const std::string& confirmed_email) {
  auto c = ctx.db.acquire();
  store::Transaction tx(*c, false);
  auto a = load_or_404(*c, p, number);
  check_resend(p, a, confirmed_email, ctx.clock.now());
  return a;
}

int64_t resend_tickets(Context& ctx, const Principal& p, std::string_view number, const std::string& confirmed) {
  auto now = ctx.clock.now();
  auto c = ctx.db.acquire();
  store::Transaction tx(*c);
  auto a = load_or_404(*c, p, number, true);
  check_resend(p, a, confirmed, now);
  const auto& email = *a.order.contact.email;
  if (store::count_history_since(*c, a.order.id, "tickets_resent", now - 3600) >= ctx.settings.resend_per_hour)
    throw Error("rate_limited", "The tickets of this order were resent " + std::to_string(ctx.settings.resend_per_hour) +
                                    " times in the last hour. Try again later.");
  auto tickets = valid_ticket_ids(a);
  auto id = queue_order_email(*c, p.organisation, a, "tickets", email, {}, tickets, now);
  store::add_history(*c, p.organisation.id, a.order.id, "tickets_resent", now, p.actor(),
                     nlohmann::json{{"email_id", id}, {"to", email}, {"tickets", tickets.size()}}.dump());
  tx.commit();
  ctx.wake_mailer();
  return id;
}

}  // namespace bo::services
