#include <gtest/gtest.h>

#include "common/time.hpp"

TEST(IsoUtc, FormatsSecondsSinceTheEpoch) {
  EXPECT_EQ(bo::iso_utc(0), "1970-01-01T00:00:00Z");
  EXPECT_EQ(bo::iso_utc(951782399), "2000-02-28T23:59:59Z");
  EXPECT_EQ(bo::iso_utc(951782400 + 86399), "2000-02-29T23:59:59Z");
  EXPECT_EQ(bo::iso_utc(1798761599), "2026-12-31T23:59:59Z");
  EXPECT_EQ(bo::iso_utc(-1), "1969-12-31T23:59:59Z");
}
