#include "domain/actions.hpp"

#include <algorithm>

#include "common/messages.hpp"
#include "domain/permissions.hpp"

namespace bo::domain {
namespace {
using S = OrderStatus;

ActionState on() { return {true, ""}; }
ActionState off(std::string_view reason) { return {false, std::string(reason)}; }

ActionState resend(const OrderFacts& o, Role role) {
  if (o.status == S::cancelled) return off("order_cancelled");
  if (o.status == S::pending) return off("not_paid");
  if (o.valid_tickets == 0) return off("no_valid_tickets");
  if (!o.has_email) return off("no_email");
  if (!allowed(role, Permission::edit_orders)) return off("forbidden");
  return on();
}

ActionState personalisation(const OrderFacts& o, Role role) {
  if (o.valid_tickets == 0) return off("no_valid_tickets");
  if (!o.personalisation_required) return off("personalisation_not_required");
  if (!allowed(role, Permission::edit_orders)) return off("forbidden");
  return on();
}

bool deadline_passed(const OrderFacts& o, const RefundPolicy& p, int64_t now) {
  return now > o.event_ends_at + static_cast<int64_t>(p.deadline_days) * 86400;
}

ActionState refund(const OrderFacts& o, const RefundPolicy& p, Role role, int64_t now) {
  if (o.status == S::cancelled) return off("order_cancelled");
  if (o.status == S::pending) return off("not_paid");
  if (o.status == S::refunded) return off("already_refunded");
  if (o.paid == 0) return off("nothing_to_refund");
  if (refundable_amount(o) <= 0) return off(o.pending_refunds > 0 ? "refund_in_progress" : "already_refunded");
  if (std::find(p.refundable_methods.begin(), p.refundable_methods.end(), o.payment_method) ==
      p.refundable_methods.end())
    return off("payment_method_not_refundable");
  if (deadline_passed(o, p, now)) return off("refund_deadline_passed");
  if (!allowed(role, Permission::refund_orders)) return off("forbidden");
  return on();
}

ActionState cancel(const OrderFacts& o, const ActionState& refund, Role role, int64_t now) {
  if (o.status == S::cancelled) return off("already_cancelled");
  if (o.status == S::refunded) return off("already_refunded");
  if (o.pending_refunds > 0) return off("refund_in_progress");
  if (o.any_checked_in) return off("tickets_checked_in");
  if (now >= o.event_ends_at) return off("event_ended");
  if (!allowed(role, o.status == S::pending ? Permission::edit_orders : Permission::refund_orders)) return off("forbidden");
  // A paid order whose money cannot go back can only be cancelled without refund: admins only.
  if (o.status != S::pending && refundable_amount(o) > 0 && !refund.enabled && !at_least(role, Role::admin))
    return off("forbidden");
  return on();
}
ActionState change(const OrderFacts& o, Role role, int64_t now) {
  if (o.status == S::cancelled) return off("order_cancelled");
  if (o.status == S::pending) return off("not_paid");
  if (o.status == S::refunded) return off("already_refunded");
  if (o.valid_tickets == 0) return off("no_valid_tickets");
  if (o.pending_refunds > 0) return off("refund_in_progress");
  if (now >= o.event_ends_at) return off("event_ended");
  if (!allowed(role, Permission::edit_orders)) return off("forbidden");
  return on();
}

ActionState settle(const OrderFacts& o, Role role) {
  if (o.status == S::cancelled) return off("order_cancelled");
  if (o.amount_due <= 0) return off("nothing_due");
  if (!allowed(role, Permission::refund_orders)) return off("forbidden");
  return on();
}
}  // namespace

int64_t refundable_amount(const OrderFacts& o) {
  return std::max<int64_t>(0, o.paid - o.refunded - o.pending_refunds);
}

Actions available_actions(const OrderFacts& o, const RefundPolicy& p, Role role, int64_t now) {
  Actions a;
  a.resend = resend(o, role);
  a.personalisation = personalisation(o, role);
  a.refund = refund(o, p, role, now);
  a.cancel = cancel(o, a.refund, role, now);
  a.change = change(o, role, now);
  a.settle = settle(o, role);
  a.refundable = (o.status == S::cancelled || o.status == S::pending) ? 0 : refundable_amount(o);
  a.cancel_refund_default = a.refund.enabled ? a.refundable : 0;
  return a;
}

std::vector<std::string_view> reason_codes() {
  static const std::vector<std::string> codes = [] {
    std::vector<std::string> out;
    for (const auto& key : message_keys("en"))
      if (key.rfind("reason.", 0) == 0) out.push_back(key.substr(7));
    return out;
  }();
  return {codes.begin(), codes.end()};
}

std::string reason_message(std::string_view code, std::string_view language) {
  auto key = "reason." + std::string(code);
  return has_message(language, key) ? message(language, key) : std::string(code);
}
}  // namespace bo::domain
