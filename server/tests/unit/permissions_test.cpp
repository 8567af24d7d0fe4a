// The one table of what each role may do besides the per-order actions.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "domain/permissions.hpp"

using namespace bo::domain;

namespace {
constexpr Permission kLast = Permission::read_audit_log;

std::set<std::string> names(Role r) {
  std::set<std::string> out;
  for (auto n : permission_names(r)) out.emplace(n);
  return out;
}
}  // namespace

TEST(Permissions, EachHasItsOwnNameAndAdminsHaveThemAll) {
  std::set<std::string> seen;
  for (int i = 0; i <= static_cast<int>(kLast); ++i) {
    auto p = static_cast<Permission>(i);
    EXPECT_TRUE(seen.insert(std::string(to_string(p))).second) << to_string(p);
    EXPECT_TRUE(allowed(Role::admin, p));
  }
  EXPECT_EQ(names(Role::admin).size(), seen.size());
}

TEST(Permissions, EachRoleIncludesTheOnesBeforeIt) {
  EXPECT_EQ(names(Role::viewer), (std::set<std::string>{"orders.read", "reports.read"}));
  EXPECT_TRUE(allowed(Role::support, Permission::edit_orders));
  EXPECT_FALSE(allowed(Role::support, Permission::export_orders));
  EXPECT_TRUE(allowed(Role::finance, Permission::reconcile));
  EXPECT_FALSE(allowed(Role::finance, Permission::import_orders));
  for (auto n : names(Role::support)) EXPECT_TRUE(names(Role::finance).count(n)) << n;
}
