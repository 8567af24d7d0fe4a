#include "services/refunds.hpp"

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include "common/error.hpp"
#include "common/random.hpp"
#include "domain/money.hpp"
#include "domain/refund_rules.hpp"
#include "payments/provider.hpp"
#include "services/cancel_order.hpp"
#include "services/compose_email.hpp"
#include "services/orders.hpp"
#include "store/orders.hpp"
#include "store/organisations.hpp"
#include "store/refunds.hpp"

namespace bo::services {
using nlohmann::json;

namespace {
bool via_provider(const std::string& provider) { return provider == "stripe" || provider == "mollie" || provider == "demo"; }
}  // namespace

CheckedRefund check_refund(Context& ctx, const Principal& p, const domain::OrderAggregate& a,
                           const std::vector<int64_t>& ticket_ids, std::optional<int64_t> amount, int64_t now) {
  auto actions = domain::available_actions(domain::facts_of(a), p.organisation.policy, p.role, now);
  if (!actions.refund.enabled) throw Error(actions.refund.reason, domain::reason_message(actions.refund.reason));
  auto plan = domain::plan_refund(a, p.organisation.policy, actions.refundable, {ticket_ids, amount});
  const auto* payment = domain::refund_payment(a);
  bool provider = via_provider(payment->provider);
  if (provider && !ctx.provider(payment->provider))
    throw Error("provider_not_configured", "Refunds through " + payment->provider + " are not configured here.");
  return {std::move(plan), payment, provider};
}

namespace {
int64_t refunded_total(const domain::OrderAggregate& a) {
  int64_t sum = 0;
  for (const auto& r : a.refunds)
    if (r.status == domain::RefundStatus::succeeded) sum += r.amount;
  return sum;
}
}  // namespace

StartedRefund write_refund(store::Connection& c, const Principal& p, const domain::OrderAggregate& a,
                           const CheckedRefund& checked, const RefundRequest& req, int64_t now) {
  const auto& payment = *checked.payment;
  store::NewRefund r;
  r.organisation_id = p.organisation.id;
  r.order_id = a.order.id;
  r.payment_id = payment.id;
  r.amount = req.amount;
  r.currency = a.order.currency;
  r.reason = req.reason;
  r.ticket_ids = req.ticket_ids;
  r.keep_tickets_valid = req.keep_tickets_valid;
  r.notify_customer = req.notify_customer;
  r.method = checked.provider ? "provider" : "manual";
  r.provider = payment.provider;
  r.provider_key = "bo-" + random_token(18);
  r.idempotency_key = req.idempotency_key;
  r.request_hash = req.request_hash;
  r.created_by = p.actor();
  if (checked.provider) {
    r.next_attempt_at = now + 30;  // the worker takes over if the call after the commit never happens
  } else {
    r.status = domain::RefundStatus::succeeded;
    r.provider_state = "submitted";
    r.completed_at = now;
  }
  auto refund_id = store::insert_refund(c, r, now);
  if (!req.keep_tickets_valid)
    store::set_tickets_status(c, a.order.id, req.ticket_ids, domain::TicketStatus::valid, domain::TicketStatus::refunded);
  store::add_history(c, p.organisation.id, a.order.id, "refund_requested", now, p.actor(),
                     json{{"refund_id", refund_id},
                          {"amount", req.amount},
                          {"ticket_ids", req.ticket_ids},
                          {"keep_tickets_valid", req.keep_tickets_valid},
                          {"reason", req.reason},
                          {"method", r.method}}
                         .dump());
  if (!checked.provider) {
    auto facts = domain::facts_of(a);
    auto status = domain::status_after_refunds(a.order.status, facts.paid, refunded_total(a) + req.amount);
    store::set_order_status(c, a.order.id, status, now);
    store::add_history(c, p.organisation.id, a.order.id, "refund_succeeded", now, p.actor(),
                       json{{"refund_id", refund_id}, {"amount", req.amount}}.dump());
    if (req.notify_customer && a.order.contact.email)
      queue_order_email(c, p.organisation, a, "refund", *a.order.contact.email,
                        {{"refund_amount", domain::format_money(req.amount, a.order.currency,
                                                                order_language(p.organisation, a))}},
                        {}, now);
  }
  return {refund_id, checked.provider};
}

domain::Refund load_refund(store::Connection& c, int64_t org_id, int64_t refund_id) {
  auto row = store::find_refund(c, refund_id);
  if (!row || row->organisation_id != org_id) throw not_found("refund");
  auto a = store::load_order_by_id(c, org_id, row->order_id);
  for (auto& r : a->refunds)
    if (r.id == refund_id) return r;
  throw not_found("refund");
}

std::string refund_fingerprint(const RefundInput& in) {
  nlohmann::json j{{"expected_version", in.expected_version}, {"ticket_ids", in.ticket_ids},
                   {"amount", in.amount ? nlohmann::json(*in.amount) : nlohmann::json(nullptr)},
                   {"reason", in.reason}, {"keep_tickets_valid", in.keep_tickets_valid}};
  return sha256_hex(j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

RefundPreview preview_refund(Context& ctx, const Principal& p, std::string_view number, const RefundInput& in) {
  auto c = ctx.db.acquire();
  store::Transaction tx(*c, false);
  auto a = load_or_404(*c, p, number);
  auto checked = check_refund(ctx, p, a, in.ticket_ids, in.amount, ctx.clock.now());
  return {std::move(a), std::move(checked.plan), checked.payment->method, checked.provider ? "provider" : "manual"};
}

RefundOutcome refund_order(Context& ctx, const Principal& p, std::string_view number, const RefundInput& in) {
  auto reason = domain::trim(in.reason);
  if (reason.empty()) throw validation_failed({{"reason", "Say why this refund is made."}});
  if (reason.size() > 500) throw validation_failed({{"reason", "At most 500 characters."}});
  if (in.idempotency_key.size() > 200) throw validation_failed({{"Idempotency-Key", "At most 200 characters."}});
  auto now = ctx.clock.now();
  auto c = ctx.db.acquire();
  int64_t refund_id;
  bool submit = false;
  {
    store::Transaction tx(*c);
    auto a = load_or_404(*c, p, number, true);
    if (!in.idempotency_key.empty()) {
      if (auto earlier = store::find_refund_by_key(*c, p.organisation.id, in.idempotency_key)) {
        if (earlier->order_id != a.order.id || earlier->request_hash != refund_fingerprint(in))
          throw Error("idempotency_key_reused", "This Idempotency-Key was used for a different refund.");
        tx.commit();
        return {load_refund(*c, p.organisation.id, earlier->id), true};
      }
    }
    if (a.order.version != in.expected_version) throw order_changed();
    auto [plan, payment, provider] = check_refund(ctx, p, a, in.ticket_ids, in.amount, now);

    RefundRequest req{plan.amount, plan.ticket_ids, reason, in.keep_tickets_valid, true, refund_fingerprint(in)};
    if (!in.idempotency_key.empty()) req.idempotency_key = in.idempotency_key;
    auto started = write_refund(*c, p, a, {std::move(plan), payment, provider}, req, now);
    refund_id = started.id;
    submit = started.submit;
    if (submit) store::bump_version(*c, a.order.id, a.order.version, now);  // a manual refund set the status
    tx.commit();
  }
  if (submit) submit_refund(ctx, refund_id);
  ctx.wake_mailer();
  return {load_refund(*c, p.organisation.id, refund_id), false};
}

void submit_refund(Context& ctx, int64_t refund_id) {
  std::optional<store::RefundRow> r;
  {
    auto c = ctx.db.acquire();
    r = store::find_refund(*c, refund_id);
  }
  if (!r || r->status != domain::RefundStatus::pending) return;
  auto* provider = ctx.provider(r->provider);
  if (!provider) {
    apply_refund_result(ctx, refund_id, false, "The payment provider " + r->provider + " is not configured.", {});
    return;
  }
  payments::RefundResult result;
  try {
    result = provider->create_refund({r->payment_ref.value_or(""), r->amount, r->currency, r->provider_key,
                                      r->reason});
  } catch (const std::exception& e) {
    result = {payments::RefundState::unknown, "", e.what()};
  }
  auto now = ctx.clock.now();
  using S = payments::RefundState;
  if (result.state == S::unknown) {
    auto c = ctx.db.acquire();
    int64_t delay =
        std::min<int64_t>(ctx.settings.refund_retry_seconds << std::min<int64_t>(r->provider_attempts, 8), 3600);
    store::set_refund_retry(*c, refund_id, now + delay, result.error);
    spdlog::warn("refund {}: provider outcome unknown, retrying in {} s: {}", refund_id, delay, result.error);
    return;
  }
  if (result.state == S::failed) {
    apply_refund_result(ctx, refund_id, false, result.error, result.refund_ref.empty() ? std::nullopt : std::optional(result.refund_ref));
    return;
  }
  {
    auto c = ctx.db.acquire();
    auto next = now + (r->provider == "demo" ? ctx.settings.demo_refund_delay_seconds : ctx.settings.refund_poll_seconds);
    store::set_refund_submitted(*c, refund_id, result.refund_ref, next);
  }
  if (r->cancels_order) complete_cancellation(ctx, refund_id);
  if (result.state == S::succeeded) apply_refund_result(ctx, refund_id, true, "", result.refund_ref);
}

void apply_refund_result(Context& ctx, int64_t refund_id, bool succeeded, const std::string& error,
                         const std::optional<std::string>& provider_ref) {
  auto now = ctx.clock.now();
  auto c = ctx.db.acquire();
  store::Transaction tx(*c);
  auto r = store::find_refund(*c, refund_id, true);
  if (!r || r->status != domain::RefundStatus::pending) return;
  auto org = store::find_organisation(*c, r->organisation_id);
  auto a = store::load_order_by_id(*c, r->organisation_id, r->order_id, true);
  store::finish_refund(*c, refund_id, succeeded ? domain::RefundStatus::succeeded : domain::RefundStatus::failed,
                       succeeded ? std::nullopt : std::optional(error), provider_ref, now);
  domain::Actor system{"system", std::nullopt, "Payment provider"};
  if (succeeded) {
    auto facts = domain::facts_of(*a);
    auto status = domain::status_after_refunds(a->order.status, facts.paid, refunded_total(*a) + r->amount);
    store::set_order_status(*c, a->order.id, status, now);
    store::add_history(*c, r->organisation_id, a->order.id, "refund_succeeded", now, system,
                       json{{"refund_id", refund_id}, {"amount", r->amount}}.dump());
    if (r->notify_customer && !r->cancels_order && a->order.contact.email)
      queue_order_email(*c, *org, *a, "refund", *a->order.contact.email,
                        {{"refund_amount", domain::format_money(r->amount, r->currency, order_language(*org, *a))}},
                        {}, now);
  } else {
    if (!r->keep_tickets_valid && a->order.status != domain::OrderStatus::cancelled)
      store::set_tickets_status(*c, a->order.id, r->ticket_ids, domain::TicketStatus::refunded,
                                domain::TicketStatus::valid);
    store::bump_version(*c, a->order.id, a->order.version, now);
    store::add_history(*c, r->organisation_id, a->order.id, "refund_failed", now, system,
                       json{{"refund_id", refund_id}, {"amount", r->amount}, {"error", error}}.dump());
  }
  tx.commit();
  ctx.wake_mailer();
}

void poll_refund(Context& ctx, int64_t refund_id) {
  std::optional<store::RefundRow> r;
  {
    auto c = ctx.db.acquire();
    r = store::find_refund(*c, refund_id);
  }
  if (!r || r->status != domain::RefundStatus::pending || !r->provider_ref) return;
  auto* provider = ctx.provider(r->provider);
  if (!provider) return;
  auto result = provider->get_refund(r->payment_ref.value_or(""), *r->provider_ref);
  using S = payments::RefundState;
  if (result.state == S::succeeded || result.state == S::failed) {
    apply_refund_result(ctx, refund_id, result.state == S::succeeded, result.error, *r->provider_ref);
    return;
  }
  auto c = ctx.db.acquire();
  store::set_refund_next_check(*c, refund_id, ctx.clock.now() + ctx.settings.refund_poll_seconds);
}

int process_due_refunds(Context& ctx) {
  std::vector<store::RefundRow> due;
  {
    auto c = ctx.db.acquire();
    due = store::claim_due_refunds(*c, ctx.clock.now(), 120, 20);
  }
  for (const auto& r : due) {
    try {
      if (r.provider_state == "to_submit") submit_refund(ctx, r.id);
      else poll_refund(ctx, r.id);
    } catch (const std::exception& e) {
      spdlog::error("refund {}: {}", r.id, e.what());
    }
  }
  return static_cast<int>(due.size());
}

}  // namespace bo::services
