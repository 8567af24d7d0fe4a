#include <gtest/gtest.h>

#include "common/error.hpp"
#include "domain/refund_rules.hpp"

using namespace bo::domain;

namespace {
OrderAggregate order_with_two_tickets() {
  OrderAggregate a;
  a.order.status = OrderStatus::paid;
  a.order.currency = "EUR";
  for (int64_t id : {1, 2}) {
    Ticket t;
    t.id = id;
    t.price = 5000;
    t.fee = 250;
    a.tickets.push_back(t);
  }
  return a;
}
std::string code_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const bo::Error& e) {
    return e.code;
  }
  return "";
}
}  // namespace

TEST(RefundRules, TicketsAndAmountAddUp) {
  auto a = order_with_two_tickets();
  RefundPolicy p;
  EXPECT_EQ(plan_refund(a, p, 10500, {{1}, std::nullopt}).amount, 5000);
  p.refund_fees = true;
  EXPECT_EQ(plan_refund(a, p, 10600, {{1, 2}, 100}).amount, 10600);
}

TEST(RefundRules, Refusals) {
  auto a = order_with_two_tickets();
  RefundPolicy p;
  EXPECT_EQ(code_of([&] { plan_refund(a, p, 10500, {{}, std::nullopt}); }), "validation_failed");
  EXPECT_EQ(code_of([&] { plan_refund(a, p, 10500, {{9}, std::nullopt}); }), "validation_failed");
  EXPECT_EQ(code_of([&] { plan_refund(a, p, 10500, {{1, 1}, std::nullopt}); }), "validation_failed");
  EXPECT_EQ(code_of([&] { plan_refund(a, p, 4000, {{1}, std::nullopt}); }), "exceeds_refundable");
  a.tickets[0].status = TicketStatus::refunded;
  EXPECT_EQ(code_of([&] { plan_refund(a, p, 10500, {{1}, std::nullopt}); }), "ticket_not_refundable");
  p.partial_refunds = false;
  EXPECT_EQ(code_of([&] { plan_refund(a, p, 10500, {{}, 100}); }), "partial_refund_not_allowed");
  EXPECT_EQ(plan_refund(a, p, 10500, {{}, 10500}).amount, 10500);
}

TEST(RefundRules, CancelRefundAmount) {
  OrderFacts f;
  f.status = OrderStatus::paid;
  f.paid = 10000;
  f.payment_method = "card";
  f.event_ends_at = 2'000'000'000;
  RefundPolicy p;
  auto finance = available_actions(f, p, Role::finance, 1'800'000'000);
  EXPECT_EQ(code_of([&] { check_cancel_refund(f, p, finance, Role::finance, 0); }), "forbidden");
  EXPECT_EQ(code_of([&] { check_cancel_refund(f, p, finance, Role::admin, 0); }), "");
  EXPECT_EQ(code_of([&] { check_cancel_refund(f, p, finance, Role::finance, 10001); }), "exceeds_refundable");
  EXPECT_EQ(code_of([&] { check_cancel_refund(f, p, finance, Role::finance, 9000); }), "");
  p.partial_refunds = false;
  EXPECT_EQ(code_of([&] { check_cancel_refund(f, p, finance, Role::finance, 9000); }), "partial_refund_not_allowed");
}
