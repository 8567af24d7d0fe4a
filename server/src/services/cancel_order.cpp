#include "services/cancel_order.hpp"

#include <nlohmann/json.hpp>

#include "common/error.hpp"
#include "common/messages.hpp"
#include "common/random.hpp"
#include "domain/money.hpp"
#include "domain/refund_rules.hpp"
#include "services/compose_email.hpp"
#include "services/orders.hpp"
#include "services/refunds.hpp"
#include "store/orders.hpp"
#include "store/organisations.hpp"
#include "store/refunds.hpp"

namespace bo::services {
using nlohmann::json;

namespace {
// The cancellation itself, inside the caller's transaction.
void cancel_in_tx(store::Connection& c, const domain::Organisation& org, const domain::OrderAggregate& a,
                  const domain::Actor& actor, int64_t refund_amount, bool notify, const std::string& reason,
                  int64_t now) {
  auto valid = valid_ticket_ids(a);
  store::set_tickets_status(c, a.order.id, valid, domain::TicketStatus::valid, domain::TicketStatus::cancelled);
  store::set_order_status(c, a.order.id, domain::OrderStatus::cancelled, now);
  store::add_history(c, org.id, a.order.id, "order_cancelled", now, actor,
                     json{{"refund_amount", refund_amount},
                          {"tickets_cancelled", valid.size()},
                          {"notify_customer", notify},
                          {"reason", reason}}
                         .dump());
  if (notify && a.order.contact.email) {
    auto language = order_language(org, a);
    std::string line = refund_amount > 0 ? message(language, "email.refund_line",
                                                   {{"amount", domain::format_money(refund_amount, a.order.currency, language)}})
                                         : "";
    queue_order_email(c, org, a, "cancellation", *a.order.contact.email, {{"refund_line", line}}, {}, now);
  }
}
struct Checked {
  int64_t amount;
  const domain::Payment* payment;
  bool provider;
};
// What a cancellation of `a` must pass before anything is written.
Checked check_cancel(Context& ctx, const Principal& p, const domain::OrderAggregate& a, const CancelInput& in,
                     int64_t now) {
  auto facts = domain::facts_of(a);
  auto actions = domain::available_actions(facts, p.organisation.policy, p.role, now);
  if (!actions.cancel.enabled) throw Error(actions.cancel.reason, domain::reason_message(actions.cancel.reason));
  int64_t amount = in.refund_amount.value_or(actions.cancel_refund_default);
  domain::check_cancel_refund(facts, p.organisation.policy, actions, p.role, amount);
  const auto* payment = domain::refund_payment(a);
  bool provider = amount > 0 && (payment->provider == "stripe" || payment->provider == "mollie" || payment->provider == "demo");
  if (provider && !ctx.provider(payment->provider))
    throw Error("provider_not_configured", "Refunds through " + payment->provider + " are not configured here.");
  return {amount, payment, provider};
}
}  // namespace

CancelPreview preview_cancel(Context& ctx, const Principal& p, std::string_view number, const CancelInput& in) {
  auto c = ctx.db.acquire();
  store::Transaction tx(*c, false);
  auto a = load_or_404(*c, p, number);
  auto checked = check_cancel(ctx, p, a, in, ctx.clock.now());
  std::string method = checked.amount == 0 ? "none" : checked.provider ? "provider" : "manual";
  return {std::move(a), checked.amount, checked.payment ? checked.payment->method : "", method};
}

CancelResult cancel_order(Context& ctx, const Principal& p, std::string_view number, const CancelInput& in) {
  auto reason = domain::trim(in.reason);
  if (reason.size() > 500) throw validation_failed({{"reason", "At most 500 characters."}});
  auto now = ctx.clock.now();
  auto c = ctx.db.acquire();
  int64_t refund_id = 0;
  {
    store::Transaction tx(*c);
    auto a = load_or_404(*c, p, number, true);
    if (a.order.version != in.expected_version) throw order_changed();
    auto [amount, payment, provider] = check_cancel(ctx, p, a, in, now);
    if (amount > 0) {
      store::NewRefund r;
      r.organisation_id = p.organisation.id;
      r.order_id = a.order.id;
      r.payment_id = payment->id;
      r.amount = amount;
      r.currency = a.order.currency;
      r.reason = reason.empty() ? "Order cancelled" : reason;
      r.method = provider ? "provider" : "manual";
      r.provider = payment->provider;
      r.provider_key = "bo-" + random_token(18);
      r.cancels_order = true;
      r.notify_customer = in.notify_customer;
      r.created_by = p.actor();
      if (provider) {
        r.next_attempt_at = now + 30;
      } else {
        r.status = domain::RefundStatus::succeeded;
        r.provider_state = "submitted";
        r.completed_at = now;
      }
      refund_id = store::insert_refund(*c, r, now);
      store::add_history(*c, p.organisation.id, a.order.id, "refund_requested", now, p.actor(),
                         json{{"refund_id", refund_id}, {"amount", amount}, {"reason", r.reason}, {"method", r.method},
                              {"for_cancellation", true}}
                             .dump());
      if (!provider)
        store::add_history(*c, p.organisation.id, a.order.id, "refund_succeeded", now, p.actor(),
                           json{{"refund_id", refund_id}, {"amount", amount}}.dump());
    }
    if (provider) {
      store::bump_version(*c, a.order.id, a.order.version, now);
      store::add_history(*c, p.organisation.id, a.order.id, "cancellation_requested", now, p.actor(),
                         json{{"refund_amount", amount}, {"notify_customer", in.notify_customer}}.dump());
    } else {
      cancel_in_tx(*c, p.organisation, a, p.actor(), amount, in.notify_customer, reason, now);
    }
    tx.commit();
    if (!provider) {
      ctx.wake_mailer();
      return CancelResult::cancelled;
    }
  }
  submit_refund(ctx, refund_id);
  auto r = store::find_refund(*c, refund_id);
  if (r->status == domain::RefundStatus::failed)
    throw Error("refund_failed",
                "The refund could not be started (" + r->error.value_or("") + "). Nothing was cancelled.");
  return store::order_status(*c, r->order_id) == domain::OrderStatus::cancelled ? CancelResult::cancelled
                                                                                 : CancelResult::waiting_for_provider;
}

void complete_cancellation(Context& ctx, int64_t refund_id) {
  auto now = ctx.clock.now();
  auto c = ctx.db.acquire();
  store::Transaction tx(*c);
  auto r = store::find_refund(*c, refund_id);
  if (!r || !r->cancels_order) return;
  auto a = store::load_order_by_id(*c, r->organisation_id, r->order_id, true);
  if (a->order.status == domain::OrderStatus::cancelled) return;
  auto org = store::find_organisation(*c, r->organisation_id);
  cancel_in_tx(*c, *org, *a, r->created_by, r->amount, r->notify_customer, r->reason, now);
  tx.commit();
  ctx.wake_mailer();
}

}  // namespace bo::services
