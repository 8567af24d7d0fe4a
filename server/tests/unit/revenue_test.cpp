#include <gtest/gtest.h>

#include "common/time.hpp"
#include "domain/reconciliation.hpp"
#include "domain/revenue.hpp"

using namespace bo::domain;

TEST(SplitTicketRefund, PricesOnlyWhenFeesAreKept) {
  auto s = split_ticket_refund(5000 + 3900, {{5000, 250}, {3900, 200}});
  EXPECT_EQ(s.per_ticket, (std::vector<int64_t>{5000, 3900}));
  EXPECT_EQ(s.unassigned, 0);
}

TEST(SplitTicketRefund, PricesAndFeesWhenTheRestCoversAllFees) {
  auto s = split_ticket_refund(5250 + 4100, {{5000, 250}, {3900, 200}});
  EXPECT_EQ(s.per_ticket, (std::vector<int64_t>{5250, 4100}));
  EXPECT_EQ(s.unassigned, 0);
}

TEST(SplitTicketRefund, AFreeAmountOnTopIsUnassigned) {
  auto with_fees = split_ticket_refund(5250 + 1000, {{5000, 250}});
  EXPECT_EQ(with_fees.per_ticket, (std::vector<int64_t>{5250}));
  EXPECT_EQ(with_fees.unassigned, 1000);
  auto small_extra = split_ticket_refund(5000 + 100, {{5000, 250}});
  EXPECT_EQ(small_extra.per_ticket, (std::vector<int64_t>{5000}));
  EXPECT_EQ(small_extra.unassigned, 100);
}

TEST(SplitTicketRefund, LessThanThePricesFillsTicketsInOrder) {
  auto s = split_ticket_refund(6000, {{5000, 250}, {3900, 200}});
  EXPECT_EQ(s.per_ticket, (std::vector<int64_t>{5000, 1000}));
  EXPECT_EQ(s.unassigned, 0);
}

TEST(SplitTicketRefund, NoTicketsLeavesEverythingUnassigned) {
  auto s = split_ticket_refund(1234, {});
  EXPECT_TRUE(s.per_ticket.empty());
  EXPECT_EQ(s.unassigned, 1234);
}

TEST(RevenueFigures, NetIsGrossMinusRefundsAndSumsAdd) {
  RevenueFigures a{10000, 2500, 300, 2, 0, 1, 0};
  RevenueFigures b{5000, 0, 100, 1, 1, 0, 1};
  a += b;
  EXPECT_EQ(a.gross, 15000);
  EXPECT_EQ(a.net(), 12500);
  EXPECT_EQ(a.tickets_sold, 3);
  EXPECT_FALSE(a.empty());
  EXPECT_TRUE(RevenueFigures{}.empty());
}

TEST(BalanceProblems, ConsistentOrdersHaveNone) {
  EXPECT_TRUE(balance_problems(OrderStatus::paid, 10500, 10500, 0, "EUR").empty());
  EXPECT_TRUE(balance_problems(OrderStatus::partially_refunded, 10500, 10500, 5000, "EUR").empty());
  EXPECT_TRUE(balance_problems(OrderStatus::refunded, 10500, 10500, 10500, "EUR").empty());
  EXPECT_TRUE(balance_problems(OrderStatus::cancelled, 10500, 10500, 10000, "EUR").empty());
  EXPECT_TRUE(balance_problems(OrderStatus::paid, 0, 0, 0, "EUR").empty());
}

TEST(BalanceProblems, EachKindIsFound) {
  auto mismatch = balance_problems(OrderStatus::paid, 10000, 10500, 0, "EUR");
  ASSERT_EQ(mismatch.size(), 1u);
  EXPECT_EQ(mismatch[0].kind, "amount_mismatch");
  EXPECT_EQ(mismatch[0].message, "Paid EUR 100.00 but the tickets add up to EUR 105.00.");
  auto over = balance_problems(OrderStatus::cancelled, 10500, 10500, 11000, "EUR");
  ASSERT_EQ(over.size(), 1u);
  EXPECT_EQ(over[0].kind, "over_refunded");
  auto status = balance_problems(OrderStatus::paid, 10500, 10500, 500, "EUR");
  ASSERT_EQ(status.size(), 1u);
  EXPECT_EQ(status[0].kind, "status_mismatch");
  EXPECT_EQ(balance_problems(OrderStatus::pending, 10500, 10500, 0, "EUR")[0].kind, "status_mismatch");
}

TEST(CalendarDays, AddDaysAndDaysBetween) {
  EXPECT_EQ(*bo::add_days("2026-03-28", 1), "2026-03-29");
  EXPECT_EQ(*bo::add_days("2024-02-28", 1), "2024-02-29");
  EXPECT_EQ(*bo::add_days("2026-01-01", -1), "2025-12-31");
  EXPECT_FALSE(bo::add_days("2026-02-30", 1));
  EXPECT_EQ(bo::days_between("2026-01-01", "2026-12-31"), 364);
  EXPECT_EQ(bo::days_between("2026-03-02", "2026-03-01"), -1);
}

TEST(CalendarDays, LocalDaysAcrossDaylightSavingChanges) {
  const std::string ams = "Europe/Amsterdam";
  // 29 March 2026 has 23 hours, 25 October 2026 has 25.
  EXPECT_EQ(*bo::local_midnight("2026-03-30", ams) - *bo::local_midnight("2026-03-29", ams), 23 * 3600);
  EXPECT_EQ(*bo::local_midnight("2026-10-26", ams) - *bo::local_midnight("2026-10-25", ams), 25 * 3600);
}
