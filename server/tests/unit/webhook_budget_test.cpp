#include <gtest/gtest.h>

#include "services/webhooks.hpp"

using bo::services::FetchBudget;

TEST(WebhookFetchBudget, SixtyCallsPerProviderAndMinute) {
  FetchBudget budget;
  const int64_t minute = 1'800'000'040 - 1'800'000'040 % 60;
  for (int i = 0; i < 60; ++i) EXPECT_TRUE(budget.take("mollie", minute + i % 60)) << i;
  EXPECT_FALSE(budget.take("mollie", minute + 59));
  EXPECT_TRUE(budget.take("stripe", minute + 59));
  EXPECT_EQ(FetchBudget::next_minute(minute + 59), minute + 60);
  EXPECT_TRUE(budget.take("mollie", minute + 60));
}
