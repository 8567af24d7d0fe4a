#include <gtest/gtest.h>

#include "common/error.hpp"
#include "services/auth.hpp"
#include "services/login_throttle.hpp"
#include "store/migrations.hpp"
#include "temp_dir.hpp"

using namespace bo;
using services::kAccountAddressRule;
using services::kAddressRule;
using services::seconds_to_wait;

TEST(LoginThrottleDelay, FreeFailuresThenDoublingUpToTheCap) {
  const int64_t t = 1'000'000;
  EXPECT_EQ(seconds_to_wait({0, 0}, kAccountAddressRule, t), 0);
  EXPECT_EQ(seconds_to_wait({2, t}, kAccountAddressRule, t), 0);
  EXPECT_EQ(seconds_to_wait({3, t}, kAccountAddressRule, t), 2);
  EXPECT_EQ(seconds_to_wait({4, t}, kAccountAddressRule, t), 4);
  EXPECT_EQ(seconds_to_wait({5, t}, kAccountAddressRule, t), 8);
  EXPECT_EQ(seconds_to_wait({11, t}, kAccountAddressRule, t), 512);
  EXPECT_EQ(seconds_to_wait({12, t}, kAccountAddressRule, t), 900);
  EXPECT_EQ(seconds_to_wait({500, t}, kAccountAddressRule, t), 900);
  EXPECT_EQ(seconds_to_wait({19, t}, kAddressRule, t), 0);
  EXPECT_EQ(seconds_to_wait({20, t}, kAddressRule, t), 2);
  EXPECT_EQ(seconds_to_wait({23, t}, kAddressRule, t), 16);
}

TEST(LoginThrottleDelay, TheWaitRunsFromTheLastFailure) {
  const int64_t last = 1'000'000;
  EXPECT_EQ(seconds_to_wait({6, last}, kAccountAddressRule, last + 3), 13);
  EXPECT_EQ(seconds_to_wait({6, last}, kAccountAddressRule, last + 16), 0);
  EXPECT_EQ(seconds_to_wait({6, last}, kAccountAddressRule, last + 100), 0);
}

class LoginThrottle : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = std::make_unique<store::Database>("sqlite:" + (dir_.path() / "t.db").string());
    store::migrate(*db_->acquire());
  }
  // The seconds a RateLimited asks for; 0 when the attempt may go ahead.
  int64_t wait(const std::string& email, const std::string& client, int64_t now) {
    try {
      services::check_password_attempts(*db_->acquire(), email, client, now);
      return 0;
    } catch (const RateLimited& e) {
      return e.retry_after;
    }
  }
  void fail(const std::string& email, const std::string& client, int64_t now, int times = 1) {
    for (int i = 0; i < times; ++i) services::record_password_failure(*db_->acquire(), email, client, now);
  }
  TempDir dir_{"login-throttle"};
  std::unique_ptr<store::Database> db_;
  const int64_t t0 = 1'800'000'000;
};

TEST_F(LoginThrottle, AnAttackerSlowsOnlyTheirOwnAddress) {
  fail("admin@demo.test", "203.0.113.66", t0, 6);
  EXPECT_EQ(wait("admin@demo.test", "203.0.113.66", t0), 16);
  EXPECT_EQ(wait("ADMIN@demo.test ", "203.0.113.66", t0 + 5), 11);
  EXPECT_EQ(wait("admin@demo.test", "198.51.100.1", t0), 0);
  EXPECT_EQ(wait("admin@demo.test", "203.0.113.66", t0 + 16), 0);
}

TEST_F(LoginThrottle, ACorrectPasswordForgetsThePair) {
  fail("ann@example.com", "198.51.100.2", t0, 5);
  EXPECT_GT(wait("ann@example.com", "198.51.100.2", t0), 0);
  services::clear_password_failures(*db_->acquire(), "ann@example.com", "198.51.100.2");
  EXPECT_EQ(wait("ann@example.com", "198.51.100.2", t0), 0);
}

TEST_F(LoginThrottle, SprayingManyAccountsFromOneAddressIsSlowed) {
  for (int i = 0; i < 20; ++i) fail("user" + std::to_string(i) + "@example.com", "203.0.113.9", t0);
  EXPECT_EQ(wait("someone.else@example.com", "203.0.113.9", t0), 2);
  fail("user20@example.com", "203.0.113.9", t0 + 1, 4);
  EXPECT_EQ(wait("another@example.com", "203.0.113.9", t0 + 1), 32);
  EXPECT_EQ(wait("another@example.com", "203.0.113.10", t0 + 1), 0);
  EXPECT_EQ(wait("another@example.com", "203.0.113.9", t0 + 1 + 3600), 0);
}

TEST_F(LoginThrottle, AnIpv6AttackerCannotHopWithinTheirSlash64) {
  for (int i = 0; i < 4; ++i) fail("admin@demo.test", "2001:db8:1:2::" + std::to_string(i + 1), t0);
  EXPECT_EQ(wait("admin@demo.test", "2001:db8:1:2:ffff::77", t0), 4);
  EXPECT_EQ(wait("admin@demo.test", "2001:db8:1:3::1", t0), 0);
}

TEST_F(LoginThrottle, UnknownAddressesAreRefusedAndThrottledLikeKnownOnes) {
  auto c = db_->acquire();
  for (int i = 0; i < 3; ++i) {
    try {
      services::login(*c, "nobody@example.com", "wrong-password", "198.51.100.3", t0);
      FAIL() << "logged in";
    } catch (const RateLimited&) {
      FAIL() << "throttled too early";
    } catch (const Error& e) {
      EXPECT_EQ(e.code, "invalid_credentials");
    }
  }
  EXPECT_THROW(services::login(*c, "nobody@example.com", "wrong-password", "198.51.100.3", t0), RateLimited);
  EXPECT_NO_THROW(services::check_password_attempts(*c, "nobody@example.com", "198.51.100.3", t0 + 2));
}
