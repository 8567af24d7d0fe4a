#include "domain/refund_rules.hpp"

#include <algorithm>
#include <set>

#include "common/error.hpp"
#include "domain/money.hpp"

namespace bo::domain {

int64_t ticket_refund_value(const Ticket& t, const RefundPolicy& p) { return t.price + (p.refund_fees ? t.fee : 0); }

std::vector<int64_t> tickets_in_refunds(const OrderAggregate& a) {
  std::vector<int64_t> out;
  for (const auto& r : a.refunds)
    if (r.status != RefundStatus::failed) out.insert(out.end(), r.ticket_ids.begin(), r.ticket_ids.end());
  return out;
}

bool ticket_refundable(const Ticket& t, const std::vector<int64_t>& in_refunds) {
  return t.status == TicketStatus::valid && std::find(in_refunds.begin(), in_refunds.end(), t.id) == in_refunds.end();
}

RefundPlan plan_refund(const OrderAggregate& a, const RefundPolicy& p, int64_t refundable, const RefundAsk& ask) {
  RefundPlan plan;
  std::set<int64_t> seen;
  auto taken = tickets_in_refunds(a);
  for (auto id : ask.ticket_ids) {
    auto t = std::find_if(a.tickets.begin(), a.tickets.end(), [&](const Ticket& x) { return x.id == id; });
    if (t == a.tickets.end()) throw validation_failed({{"ticket_ids", "Ticket " + std::to_string(id) + " is not part of this order."}});
    if (!seen.insert(id).second) throw validation_failed({{"ticket_ids", "Ticket " + std::to_string(id) + " is listed twice."}});
    if (!ticket_refundable(*t, taken))
      throw Error("ticket_not_refundable", "Ticket " + std::to_string(id) + " was already refunded or cancelled.");
    plan.amount += ticket_refund_value(*t, p);
    plan.ticket_ids.push_back(id);
  }
  if (ask.amount) {
    if (*ask.amount <= 0) throw validation_failed({{"amount", "Must be more than zero."}});
    plan.amount = add_money(plan.amount, *ask.amount);
  }
  if (plan.amount <= 0) throw validation_failed({{"amount", "Choose tickets or enter an amount to refund."}});
  if (plan.amount > refundable)
    throw Error("exceeds_refundable", "At most " + format_money(refundable, a.order.currency) +
                                          " can be refunded; this refund is " +
                                          format_money(plan.amount, a.order.currency) + ".");
  if (!p.partial_refunds && plan.amount != refundable)
    throw Error("partial_refund_not_allowed", "The refund policy allows only refunding everything that is left.");
  return plan;
}

void check_cancel_refund(const OrderFacts& f, const RefundPolicy& p, const Actions& actions, Role role,
                         int64_t amount) {
  if (amount < 0) throw validation_failed({{"refund_amount", "Cannot be negative."}});
  if (amount > actions.refundable)
    throw Error("exceeds_refundable", "At most " + std::to_string(actions.refundable) + " can be refunded.");
  if (amount > 0 && !actions.refund.enabled) throw Error(actions.refund.reason, reason_message(actions.refund.reason));
  bool paid = f.status == OrderStatus::paid || f.status == OrderStatus::partially_refunded;
  if (!paid || actions.refundable == 0) return;
  if (amount == 0 && !at_least(role, Role::admin))
    throw Error("forbidden", "Only an admin can cancel a paid order without a refund.");
  if (amount > 0 && amount < actions.refundable && !p.partial_refunds)
    throw Error("partial_refund_not_allowed", "The refund policy allows only refunding everything that is left.");
}

}  // namespace bo::domain
