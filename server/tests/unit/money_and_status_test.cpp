#include <gtest/gtest.h>

#include "domain/money.hpp"
#include "domain/order_status.hpp"

using namespace bo::domain;

TEST(Money, ParsesExactDecimals) {
  EXPECT_EQ(parse_decimal("89.50", 2), 8950);
  EXPECT_EQ(parse_decimal("89.5", 2), 8950);
  EXPECT_EQ(parse_decimal("89", 2), 8900);
  EXPECT_EQ(parse_decimal(" 0.01 ", 2), 1);
  EXPECT_EQ(parse_decimal("1500", 0), 1500);
  EXPECT_EQ(parse_decimal("1.234", 3), 1234);
  EXPECT_EQ(parse_decimal("89.500", 2), 8950);  // trailing zeros are exact
  EXPECT_EQ(parse_decimal("-2.50", 2), -250);
}

TEST(Money, RefusesWhatIsNotExact) {
  for (auto bad : {"89.505", "1,50", "", ".5", "abc", "1e3", "12.3.4", "99999999999999999999"})
    EXPECT_FALSE(parse_decimal(bad, 2).has_value()) << bad;
  EXPECT_FALSE(parse_decimal("1.5", 0).has_value());
}

TEST(Money, Formats) {
  EXPECT_EQ(format_decimal(8950, 2), "89.50");
  EXPECT_EQ(format_decimal(5, 2), "0.05");
  EXPECT_EQ(format_decimal(-5, 2), "-0.05");
  EXPECT_EQ(format_decimal(1500, 0), "1500");
  EXPECT_EQ(format_money(8950, "EUR"), "EUR 89.50");
  EXPECT_EQ(currency_exponent("JPY"), 0);
  EXPECT_EQ(currency_exponent("KWD"), 3);
  EXPECT_EQ(currency_exponent("EUR"), 2);
  EXPECT_FALSE(currency_exponent("eur").has_value());
  EXPECT_THROW(add_money(INT64_MAX, 1), std::overflow_error);
}

TEST(OrderStatus, Transitions) {
  using S = OrderStatus;
  EXPECT_TRUE(can_transition(S::pending, S::paid));
  EXPECT_TRUE(can_transition(S::pending, S::cancelled));
  EXPECT_TRUE(can_transition(S::paid, S::partially_refunded));
  EXPECT_TRUE(can_transition(S::paid, S::refunded));
  EXPECT_TRUE(can_transition(S::partially_refunded, S::refunded));
  EXPECT_TRUE(can_transition(S::partially_refunded, S::cancelled));
  EXPECT_FALSE(can_transition(S::pending, S::refunded));
  EXPECT_FALSE(can_transition(S::refunded, S::cancelled));
  EXPECT_FALSE(can_transition(S::cancelled, S::paid));
  EXPECT_FALSE(can_transition(S::paid, S::pending));
}

TEST(OrderStatus, FollowsSucceededRefunds) {
  using S = OrderStatus;
  EXPECT_EQ(status_after_refunds(S::paid, 1000, 0), S::paid);
  EXPECT_EQ(status_after_refunds(S::paid, 1000, 400), S::partially_refunded);
  EXPECT_EQ(status_after_refunds(S::partially_refunded, 1000, 1000), S::refunded);
  EXPECT_EQ(status_after_refunds(S::cancelled, 1000, 1000), S::cancelled);
}

template <class E>
void expect_round_trip(std::initializer_list<const char*> names) {
  size_t n = 0;
  for (auto s : names) {
    auto v = parse_state<E>(s);
    ASSERT_TRUE(v.has_value()) << s;
    EXPECT_EQ(static_cast<size_t>(*v), n++);
    EXPECT_EQ(to_string(*v), s);
  }
  EXPECT_EQ(state_names<E>.size(), names.size());
  EXPECT_FALSE(parse_state<E>("lost").has_value());
  EXPECT_FALSE(parse_state<E>("").has_value());
}

TEST(States, EachHasOneSpellingAndUnknownTextIsNoState) {
  expect_round_trip<OrderStatus>({"pending", "paid", "partially_refunded", "refunded", "cancelled"});
  expect_round_trip<TicketStatus>({"valid", "cancelled", "refunded"});
  expect_round_trip<PaymentStatus>({"pending", "paid", "failed"});
  expect_round_trip<RefundStatus>({"pending", "succeeded", "failed"});
  expect_round_trip<EmailStatus>({"queued", "sending", "retrying", "sent", "failed"});
  expect_round_trip<ImportStatus>({"validating", "invalid", "ready", "committing", "committed", "failed"});
}
