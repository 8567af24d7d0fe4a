#include <gtest/gtest.h>

#include "common/error.hpp"
#include "domain/order_change.hpp"

using namespace bo::domain;

namespace {
constexpr int64_t kNow = 1'800'000'000;

ChangeCatalog catalog() {
  ChangeCatalog c;
  c.events[1] = Event{1, "Concert", "", kNow + 86400, kNow + 90000, false};
  c.events[2] = Event{2, "Concert, second night", "", kNow + 2 * 86400, kNow + 2 * 86400 + 3600, false};
  c.events[3] = Event{3, "Last year", "", kNow - 400 * 86400, kNow - 399 * 86400, false};
  c.types[10] = TicketType{10, 1, "Stalls", 5500, 200, 100, 10, {}, 0};
  c.types[11] = TicketType{11, 1, "Balcony", 3900, 200, 100, 10, {}, 1};
  c.types[12] = TicketType{12, 1, "Stalls aisle", 5500, 200, 100, 0, {}, 2};
  c.types[20] = TicketType{20, 2, "Stalls", 5500, 200, 100, 0, {}, 0};
  c.types[30] = TicketType{30, 3, "Regular", 3500, 150, 100, 0, {}, 0};
  return c;
}

OrderAggregate order(int tickets, int64_t due = 0) {
  OrderAggregate a;
  a.order.event_id = 1;
  a.order.amount_due = due;
  a.event = catalog().events[1];
  for (int i = 0; i < tickets; ++i) {
    Ticket t;
    t.id = 100 + i;
    t.ticket_type_id = 10;
    t.ticket_type_name = "Stalls";
    t.price = 5500;
    t.fee = 200;
    t.barcode = "CODE00000000000" + std::to_string(i);
    a.tickets.push_back(t);
  }
  return a;
}

ChangeOperation swap(int64_t ticket, int64_t type) { return {ChangeKind::swap, ticket, type, 1, std::nullopt, {}}; }
ChangeOperation cancel(int64_t ticket) { return {ChangeKind::cancel, ticket, 0, 1, std::nullopt, {}}; }
ChangeOperation add(int64_t type, int n) { return {ChangeKind::add, 0, type, n, std::nullopt, {}}; }

std::string code_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const bo::Error& e) {
    return e.code;
  }
  return "";
}
}  // namespace

TEST(OrderChange, ASwapAtEqualPriceMovesCapacityAndCostsNothing) {
  auto plan = plan_change(order(2), {swap(100, 12)}, catalog(), kNow);
  EXPECT_EQ(plan.difference, 0);
  EXPECT_EQ(plan.settlement, Settlement::none);
  EXPECT_FALSE(plan.needs_finance);
  EXPECT_EQ(plan.capacity.at(12), 1);
  EXPECT_EQ(plan.capacity.at(10), -1);
  EXPECT_TRUE(plan.after[0].new_barcode);
  EXPECT_FALSE(plan.after[1].new_barcode);
}

TEST(OrderChange, MoneyRisesIntoTheOpenAmountAndFallsFirstOffIt) {
  auto up = plan_change(order(1), {swap(100, 11), add(10, 1)}, catalog(), kNow);
  EXPECT_EQ(up.difference, -1600 + 5700);
  EXPECT_EQ(up.settlement, Settlement::due);
  EXPECT_EQ(up.due_change, 4100);
  EXPECT_TRUE(up.needs_finance);

  auto partly = plan_change(order(1, 1000), {swap(100, 11)}, catalog(), kNow);
  EXPECT_EQ(partly.due_change, -1000);
  EXPECT_EQ(partly.refund, 600);
  EXPECT_EQ(partly.settlement, Settlement::refund);

  auto owed = plan_change(order(1, 5000), {swap(100, 11)}, catalog(), kNow);
  EXPECT_EQ(owed.settlement, Settlement::due_reduced);
  EXPECT_EQ(owed.due_change, -1600);
  EXPECT_EQ(owed.refund, 0);
}

TEST(OrderChange, RefusalsCarryTheirReason) {
  auto cat = catalog();
  EXPECT_EQ(code_of([&] { plan_change(order(1), {cancel(100)}, cat, kNow); }), "no_tickets_left");
  EXPECT_EQ(code_of([&] { plan_change(order(2), {swap(100, 20)}, cat, kNow); }), "mixed_events");
  EXPECT_EQ(code_of([&] { plan_change(order(2), {swap(100, 20), swap(101, 20)}, cat, kNow); }), "");
  EXPECT_EQ(code_of([&] { plan_change(order(1), {swap(100, 30)}, cat, kNow); }), "event_ended");
  EXPECT_EQ(code_of([&] { plan_change(order(1), {add(10, 91)}, cat, kNow); }), "validation_failed");
  EXPECT_EQ(code_of([&] { plan_change(order(1), {add(10, 50), add(11, 1)}, cat, kNow); }), "validation_failed");
  EXPECT_EQ(code_of([&] { plan_change(order(1), {}, cat, kNow); }), "nothing_to_change");
  cat.types[10].issued = 100;
  EXPECT_EQ(code_of([&] { plan_change(order(1), {add(10, 1)}, cat, kNow); }), "sold_out");
  // a ticket cannot be swapped into the type it has
  EXPECT_EQ(code_of([&] { plan_change(order(2), {swap(100, 12), swap(101, 10)}, cat, kNow); }), "validation_failed");
  auto checked_in = order(2);
  checked_in.tickets[0].checked_in_at = kNow - 60;
  EXPECT_EQ(code_of([&] { plan_change(checked_in, {cancel(100)}, cat, kNow); }), "ticket_checked_in");
}
