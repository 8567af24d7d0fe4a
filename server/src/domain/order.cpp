#include "domain/order.hpp"

namespace bo::domain {

OrderFacts facts_of(const OrderAggregate& a) {
  OrderFacts f;
  f.status = a.order.status;
  f.has_email = a.order.contact.email.has_value();
  f.payment_method = a.order.payment_method;
  f.event_ends_at = a.event.ends_at;
  f.amount_due = a.order.amount_due;
  for (const auto& t : a.tickets) {
    if (t.checked_in_at) f.any_checked_in = true;
    if (t.status != TicketStatus::valid) continue;
    ++f.valid_tickets;
    if (!t.fields.empty()) f.personalisation_required = true;
  }
  for (const auto& p : a.payments)
    if (p.status == PaymentStatus::paid) f.paid += p.amount;
  for (const auto& r : a.refunds) {
    if (r.status == RefundStatus::succeeded) f.refunded += r.amount;
    if (r.status == RefundStatus::pending) f.pending_refunds += r.amount;
  }
  return f;
}

Totals totals_of(const OrderAggregate& a, const Actions& actions) {
  Totals t;
  auto f = facts_of(a);
  for (const auto& tk : a.tickets) {
    t.tickets += tk.price;
    t.fees += tk.fee;
  }
  t.total = t.tickets + t.fees;
  t.paid = f.paid;
  t.refunded = f.refunded;
  t.pending_refunds = f.pending_refunds;
  t.refundable = actions.refundable;
  t.due = a.order.amount_due;
  t.waived = a.order.amount_waived;
  return t;
}

const Payment* refund_payment(const OrderAggregate& a) {
  const Payment* best = nullptr;
  for (const auto& p : a.payments)
    if (p.status == PaymentStatus::paid) best = &p;
  return best;
}

}  // namespace bo::domain
