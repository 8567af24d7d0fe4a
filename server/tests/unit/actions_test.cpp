// Every ⋯ action rule and reason code of SPEC §4, as a table.
#include <gtest/gtest.h>

#include "domain/actions.hpp"

using namespace bo::domain;

namespace {
constexpr int64_t kNow = 1'800'000'000;
constexpr int64_t kDay = 86400;

OrderFacts paid_order() {
  OrderFacts f;
  f.status = OrderStatus::paid;
  f.valid_tickets = 2;
  f.personalisation_required = true;
  f.has_email = true;
  f.paid = 10000;
  f.payment_method = "card";
  f.event_ends_at = kNow + 30 * kDay;
  return f;
}

struct Case {
  const char* name;
  OrderFacts facts;
  Role role;
  const char* resend;
  const char* personalisation;
  const char* refund;
  const char* cancel;
};

template <class F>
OrderFacts with(F change) {
  auto f = paid_order();
  change(f);
  return f;
}

const Case kCases[] = {
    {"paid, finance: everything", paid_order(), Role::finance, "", "", "", ""},
    {"paid, admin", paid_order(), Role::admin, "", "", "", ""},
    {"paid, support: no money actions", paid_order(), Role::support, "", "", "forbidden", "forbidden"},
    {"paid, viewer: read only", paid_order(), Role::viewer, "forbidden", "forbidden", "forbidden", "forbidden"},
    {"pending, support may cancel", with([](auto& f) { f.status = OrderStatus::pending; f.paid = 0; }), Role::support,
     "not_paid", "", "not_paid", ""},
    {"cancelled", with([](auto& f) { f.status = OrderStatus::cancelled; f.valid_tickets = 0; }), Role::admin,
     "order_cancelled", "no_valid_tickets", "order_cancelled", "already_cancelled"},
    {"refunded", with([](auto& f) { f.status = OrderStatus::refunded; f.refunded = 10000; f.valid_tickets = 0; }),
     Role::admin, "no_valid_tickets", "no_valid_tickets", "already_refunded", "already_refunded"},
    {"refunded but tickets kept (goodwill)",
     with([](auto& f) { f.status = OrderStatus::refunded; f.refunded = 10000; }), Role::admin, "", "",
     "already_refunded", "already_refunded"},
    {"no e-mail", with([](auto& f) { f.has_email = false; }), Role::finance, "no_email", "", "", ""},
    {"no personalisation", with([](auto& f) { f.personalisation_required = false; }), Role::finance, "",
     "personalisation_not_required", "", ""},
    {"free order", with([](auto& f) { f.paid = 0; f.payment_method = "free"; }), Role::finance, "", "",
     "nothing_to_refund", ""},
    {"cash: finance cannot cancel without refund", with([](auto& f) { f.payment_method = "cash"; }), Role::finance,
     "", "", "payment_method_not_refundable", "forbidden"},
    {"cash: admin can", with([](auto& f) { f.payment_method = "cash"; }), Role::admin, "", "",
     "payment_method_not_refundable", ""},
    {"refund pending of everything",
     with([](auto& f) { f.pending_refunds = 10000; }), Role::finance, "", "", "refund_in_progress", "refund_in_progress"},
    {"partly refunded, part pending", with([](auto& f) {
       f.status = OrderStatus::partially_refunded;
       f.refunded = 4000;
       f.pending_refunds = 1000;
     }),
     Role::finance, "", "", "", "refund_in_progress"},
    {"checked in", with([](auto& f) { f.any_checked_in = true; }), Role::finance, "", "", "", "tickets_checked_in"},
    {"event ended, within deadline", with([](auto& f) { f.event_ends_at = kNow - 10 * kDay; }), Role::finance, "", "",
     "", "event_ended"},
    {"deadline passed", with([](auto& f) { f.event_ends_at = kNow - 31 * kDay; }), Role::finance, "", "",
     "refund_deadline_passed", "event_ended"},
    {"no valid tickets left", with([](auto& f) { f.valid_tickets = 0; }), Role::finance, "no_valid_tickets",
     "no_valid_tickets", "", ""},
};

void expect_state(const ActionState& s, const char* reason, const char* what, const char* name) {
  if (std::string(reason).empty()) {
    EXPECT_TRUE(s.enabled) << name << ": " << what << " should be enabled, reason " << s.reason;
    EXPECT_EQ(s.reason, "") << name;
  } else {
    EXPECT_FALSE(s.enabled) << name << ": " << what;
    EXPECT_EQ(s.reason, reason) << name << ": " << what;
  }
}
}  // namespace

TEST(Actions, TableOfRulesAndReasons) {
  RefundPolicy policy;
  for (const auto& c : kCases) {
    auto a = available_actions(c.facts, policy, c.role, kNow);
    expect_state(a.resend, c.resend, "resend", c.name);
    expect_state(a.personalisation, c.personalisation, "personalisation", c.name);
    expect_state(a.refund, c.refund, "refund", c.name);
    expect_state(a.cancel, c.cancel, "cancel", c.name);
  }
}

TEST(Actions, RefundableIsPaidMinusSucceededMinusPending) {
  auto f = paid_order();
  f.refunded = 2500;
  f.pending_refunds = 1500;
  f.status = OrderStatus::partially_refunded;
  auto a = available_actions(f, {}, Role::finance, kNow);
  EXPECT_EQ(a.refundable, 6000);
  EXPECT_EQ(a.cancel_refund_default, 6000);
  EXPECT_EQ(a.cancel.reason, "refund_in_progress");
}

TEST(Actions, PolicyDecidesRefundableMethodsAndDeadline) {
  RefundPolicy p;
  p.refundable_methods = {"ideal"};
  p.deadline_days = 0;
  auto f = paid_order();
  EXPECT_EQ(available_actions(f, p, Role::finance, kNow).refund.reason, "payment_method_not_refundable");
  f.payment_method = "ideal";
  f.event_ends_at = kNow - 1;
  EXPECT_EQ(available_actions(f, p, Role::finance, kNow).refund.reason, "refund_deadline_passed");
  f.event_ends_at = kNow;
  EXPECT_TRUE(available_actions(f, p, Role::finance, kNow).refund.enabled);
}

TEST(Actions, CancelDefaultsToRefundingEverything) {
  auto a = available_actions(paid_order(), {}, Role::finance, kNow);
  EXPECT_EQ(a.cancel_refund_default, 10000);
}

TEST(Actions, EveryReasonHasASentence) {
  for (auto code : {"not_paid", "order_cancelled", "no_valid_tickets", "no_email", "personalisation_not_required",
                    "already_refunded", "nothing_to_refund", "payment_method_not_refundable", "refund_deadline_passed",
                    "forbidden", "already_cancelled", "refund_in_progress", "tickets_checked_in", "event_ended"}) {
    auto m = reason_message(code);
    EXPECT_NE(m, code);
    EXPECT_EQ(m.back(), '.');
  }
}
