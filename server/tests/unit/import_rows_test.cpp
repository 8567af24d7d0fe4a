// Row validation of order imports: each bad row gives exactly one error with its line, column, value
// and message; good rows become orders with the right defaults; capacity and the preview.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "imports/order_plan.hpp"

namespace {

using bo::imports::Catalog;
using bo::imports::Plan;
using bo::imports::RowError;

constexpr int64_t kNow = 1800000000;  // 2027-01-15T08:00:00Z
const std::string kHeader =
    "order_ref,email,first_name,last_name,mobile,event,ticket_type,price,service_fee,payment_method,status,"
    "ordered_at,attendee_shirt_size,attendee_birth_date\n";

Catalog catalog() {
  Catalog c;
  c.currency = "EUR";
  c.time_zone = "Europe/Amsterdam";
  c.country = "NL";
  c.events = {{11, "Northsea Festival", {0, 1}}, {12, "Jazz Night", {2}}, {13, "Twice", {}}, {14, "Twice", {}}};
  c.types.push_back({21, 11, "Weekend", 18900, 750, 100, 10,
                     {{"shirt_size", "T-shirt size", "select", false, {"S", "M", "L"}},
                      {"birth_date", "Date of birth", "date", true, {}}}});
  c.types.push_back({22, 11, "Camping", 4500, 200, 5, 3, {}});
  c.types.push_back({23, 12, "Regular", 3500, 150, 500, 0, {}});
  return c;
}

std::unique_ptr<Plan> read(const std::string& rows, const std::string& header = kHeader) {
  return bo::imports::read_plan(header + rows, catalog(), kNow);
}

struct BadRow {
  std::string row;
  RowError expected;
};

class BadRows : public testing::TestWithParam<BadRow> {};

TEST_P(BadRows, GiveOneErrorWithLineColumnValueAndMessage) {
  const auto& p = GetParam();
  auto plan = read("R0,ok@example.com,,,,Jazz Night,Regular,,,,,,,\n" + p.row + "\n");
  const auto& kept = plan->errors.kept();
  ASSERT_EQ(kept.size(), 1u) << p.row << (kept.empty() ? "" : "; first: " + kept[0].column + " " + kept[0].message);
  EXPECT_EQ(kept[0].line, p.expected.line);
  EXPECT_EQ(kept[0].column, p.expected.column);
  EXPECT_EQ(kept[0].value, p.expected.value);
  EXPECT_EQ(kept[0].message, p.expected.message);
  EXPECT_EQ(plan->errors.total(), 1);
}

INSTANTIATE_TEST_SUITE_P(
    Table, BadRows,
    testing::Values(
        BadRow{",a@example.com,,,,Jazz Night,Regular,,,,,,,", {3, "order_ref", "", "Required."}},
        BadRow{std::string(101, 'x') + ",a@example.com,,,,Jazz Night,Regular,,,,,,,",
               {3, "order_ref", std::string(101, 'x'), "At most 100 characters."}},
        BadRow{"R1,,,,,Jazz Night,Regular,,,,,,,", {3, "email", "", "Required."}},
        BadRow{"R1,a@b,,,,Jazz Night,Regular,,,,,,,", {3, "email", "a@b", "Not a valid e-mail address."}},
        BadRow{"R1,a@example.com," + std::string(101, 'n') + ",,,Jazz Night,Regular,,,,,,,",
               {3, "first_name", std::string(101, 'n'), "At most 100 characters."}},
        BadRow{"R1,a@example.com,,,0612,Jazz Night,Regular,,,,,,,",
               {3, "mobile", "0612", "Not a valid phone number, e.g. +31 6 12345678."}},
        BadRow{"R1,a@example.com,,,,,Regular,,,,,,,", {3, "event", "", "Required."}},
        BadRow{"R1,a@example.com,,,,Jazz night,Regular,,,,,,,",
               {3, "event", "Jazz night", "No event with this id or name."}},
        BadRow{"R1,a@example.com,,,,99,Regular,,,,,,,", {3, "event", "99", "No event with this id or name."}},
        BadRow{"R1,a@example.com,,,,Twice,Regular,,,,,,,",
               {3, "event", "Twice", "Several events have this name; use the event id."}},
        BadRow{"R1,a@example.com,,,,Jazz Night,,,,,,,,", {3, "ticket_type", "", "Required."}},
        BadRow{"R1,a@example.com,,,,Jazz Night,Camping,,,,,,,",
               {3, "ticket_type", "Camping", "No ticket type with this name in \"Jazz Night\"."}},
        BadRow{"R1,a@example.com,,,,Jazz Night,Regular,89.505,,,,,,",
               {3, "price", "89.505", "Not an exact amount in EUR, e.g. 89.50."}},
        BadRow{"R1,a@example.com,,,,Jazz Night,Regular,\"1,50\",,,,,,",
               {3, "price", "1,50", "Not an exact amount in EUR, e.g. 89.50."}},
        BadRow{"R1,a@example.com,,,,Jazz Night,Regular,1e3,,,,,,",
               {3, "price", "1e3", "Not an exact amount in EUR, e.g. 89.50."}},
        BadRow{"R1,a@example.com,,,,Jazz Night,Regular,-5,,,,,,", {3, "price", "-5", "Must not be negative."}},
        BadRow{"R1,a@example.com,,,,Jazz Night,Regular,,abc,,,,,",
               {3, "service_fee", "abc", "Not an exact amount in EUR, e.g. 89.50."}},
        BadRow{"R1,a@example.com,,,,Jazz Night,Regular,,,cheque,,,,",
               {3, "payment_method", "cheque",
                "Unknown payment method; use one of card, ideal, bancontact, paypal, bank_transfer, cash, invoice, "
                "free."}},
        BadRow{"R1,a@example.com,,,,Jazz Night,Regular,,,,cancelled,,,",
               {3, "status", "cancelled", "Use paid or pending."}},
        BadRow{"R1,a@example.com,,,,Jazz Night,Regular,,,free,pending,,,",
               {3, "status", "pending", "A free order cannot be pending."}},
        BadRow{"R1,a@example.com,,,,Jazz Night,Regular,1.00,,free,,,,",
               {3, "price", "1.00", "A free order has price 0."}},
        BadRow{"R1,a@example.com,,,,Jazz Night,Regular,,,,,01-03-2026,,",
               {3, "ordered_at", "01-03-2026", "Not an ISO 8601 time, e.g. 2026-03-01T14:30:00+01:00."}},
        BadRow{"R1,a@example.com,,,,Jazz Night,Regular,,,,,2027-02-01T00:00:00Z,,",
               {3, "ordered_at", "2027-02-01T00:00:00Z", "Lies in the future."}},
        BadRow{"R1,a@example.com,,,,Northsea Festival,Weekend,,,,,,XL,",
               {3, "attendee_shirt_size", "XL", "Choose one of the options."}},
        BadRow{"R1,a@example.com,,,,Northsea Festival,Weekend,,,,,,,1990-02-30",
               {3, "attendee_birth_date", "1990-02-30", "Enter a date as YYYY-MM-DD."}},
        BadRow{"R1,a@example.com,,,,Jazz Night,Regular,,,,,,M,",
               {3, "attendee_shirt_size", "M", "Ticket type \"Regular\" has no personalisation fields."}},
        BadRow{"R1,a@example.com,,,,Jazz Night,Regular,,,,,", {3, "", "", "This row has 12 fields; the header has 14."}},
        BadRow{"R1,\"a@example.com,,,,Jazz Night,Regular,,,,,,,",
               {3, "email", "", "Unterminated quoted field."}}));

TEST(ImportRows, LaterRowsOfAnOrderMustAgreeWithItsFirstRow) {
  auto plan = read(
      "R1,a@example.com,Ann,Bee,+31612345678,Jazz Night,Regular,,,card,paid,2026-03-01T10:00:00Z,,\n"
      "R2,b@example.com,,,,Jazz Night,Regular,,,,,,,\n"
      "R1,A@EXAMPLE.COM,Ann,Bee,06 12345678,Jazz Night,Regular,,,card,paid,2026-03-01T11:00:00+01:00,,\n"
      "R1,c@example.com,Anne,Bee,06 12345679,Northsea Festival,Camping,,,ideal,pending,2026-03-01T10:01:00Z,,\n");
  std::vector<std::pair<int64_t, std::string>> got;
  for (const auto& e : plan->errors.kept()) {
    got.emplace_back(e.line, e.column);
    EXPECT_EQ(e.message, "Differs from line 2, the first row of this order_ref.");
  }
  EXPECT_EQ(got, (std::vector<std::pair<int64_t, std::string>>{{5, "email"},
                                                               {5, "first_name"},
                                                               {5, "event"},
                                                               {5, "payment_method"},
                                                               {5, "status"},
                                                               {5, "ordered_at"},
                                                               {5, "mobile"}}));
  ASSERT_EQ(plan->orders.size(), 2u);
  EXPECT_EQ(plan->orders[0].tickets, 2u);  // line 4 matched after normalising e-mail case, phone and offset
}

TEST(ImportRows, DefaultsComeFromTheTicketTypeAndTheOrganisation) {
  auto plan = read(
      "R1,a@example.com,,,,Northsea Festival,Weekend,,,,,2026-03-01 14:30,S,1990-02-01\n"
      "R2,b@example.com,,,,12,Regular,,0,Free,Paid,,,\n"
      "R3,c@example.com,,,,Jazz Night,Regular,,,manual,PENDING,2026-03-01,,\n");
  ASSERT_TRUE(plan->errors.empty()) << plan->errors.kept()[0].message;
  ASSERT_EQ(plan->orders.size(), 3u);
  const auto& a = plan->orders[0];
  EXPECT_EQ(a.method, bo::imports::Method::bank_transfer);
  EXPECT_TRUE(a.paid);
  EXPECT_EQ(a.ordered_at, 1772371800);  // 14:30 in Amsterdam (UTC+1) = 13:30Z
  EXPECT_EQ(plan->tickets[0].price, 18900);
  EXPECT_EQ(plan->tickets[0].fee, 750);
  EXPECT_EQ(plan->tickets[0].attendee, R"({"birth_date":"1990-02-01","shirt_size":"S"})");
  EXPECT_EQ(plan->orders[1].method, bo::imports::Method::free);
  EXPECT_EQ(plan->orders[1].event, 1u);
  EXPECT_EQ(plan->tickets[1].price, 0);
  EXPECT_EQ(plan->orders[1].ordered_at, kNow);
  EXPECT_FALSE(plan->orders[2].paid);
  EXPECT_EQ(plan->orders[2].ordered_at, 1772319600);  // local midnight
}

TEST(ImportRows, HeaderNamesAreTrimmedCaseInsensitiveAndProblemsReported) {
  auto plan = read("R1;a@example.com;Jazz Night;Regular;x\n", "\xEF\xBB\xBF Order_Ref ;EMAIL;Event;Ticket_Type;Colour\n");
  EXPECT_TRUE(plan->errors.empty());
  EXPECT_EQ(plan->warnings, (std::vector<std::string>{"Column \"colour\": Unknown column; it is ignored."}));
  auto missing = read("", "order_ref,email,email\n");
  std::vector<std::string> messages;
  for (const auto& e : missing->errors.kept()) messages.push_back(e.column + ": " + e.message);
  EXPECT_EQ(messages, (std::vector<std::string>{"email: This column appears twice.", "event: Required column is missing.",
                                                "ticket_type: Required column is missing."}));
}

TEST(ImportRows, OnlyTheFirstThousandErrorsAreKeptButAllAreCounted) {
  std::string rows;
  for (int i = 0; i < 2500; ++i) rows += "R" + std::to_string(i) + ",bad,,,,Jazz Night,Regular,,,,,,,\n";
  rows += "R9999,a@example.com,,,0,Jazz Night,Regular,,,,,,,\n";  // a phone error, found after the others
  auto plan = read(rows);
  EXPECT_EQ(plan->errors.total(), 2501);
  const auto& kept = plan->errors.kept();
  ASSERT_EQ(kept.size(), 1000u);
  EXPECT_EQ(kept.front().line, 2);
  EXPECT_EQ(kept.back().line, 1001);
}

TEST(ImportRows, CapacityCountsOnlyOrdersThatWillBeCreated) {
  auto cat = catalog();  // Camping: 5 places, 3 issued
  std::string file = kHeader;
  for (int i = 0; i < 4; ++i) file += "R" + std::to_string(i) + ",a@example.com,,,,Northsea Festival,Camping,,,,,,,\n";
  auto plan = bo::imports::read_plan(file, cat, kNow);
  ASSERT_TRUE(plan->errors.empty());
  plan->orders[0].exists = true;
  plan->orders[1].exists = true;
  bo::imports::check_capacity(*plan, cat);
  EXPECT_TRUE(plan->errors.empty());
  plan->orders[1].exists = false;
  bo::imports::check_capacity(*plan, cat);
  ASSERT_EQ(plan->errors.total(), 1);
  const auto& e = plan->errors.kept()[0];
  EXPECT_EQ(e.line, 5);
  EXPECT_EQ(e.column, "ticket_type");
  EXPECT_EQ(e.message, "Not enough capacity: \"Camping\" (Northsea Festival) has 2 of 5 places left; this file adds 3.");
}

TEST(ImportRows, SummaryCountsOrdersTicketsAndMoneyPerTicketTypeWithoutSkippedOrders) {
  auto plan = read(
      "R1,a@example.com,,,,Northsea Festival,Weekend,,,,,,,\n"
      "R2,b@example.com,,,,Jazz Night,Regular,,,,,,,\n"
      "R1,a@example.com,,,,Northsea Festival,Camping,,,,,,,\n"
      "R1,a@example.com,,,,Northsea Festival,Weekend,100,1,,,,,\n");
  plan->orders[1].exists = true;
  auto s = bo::imports::summarise(*plan, catalog());
  EXPECT_EQ(s.rows, 4);
  EXPECT_EQ(s.orders, 1);
  EXPECT_EQ(s.tickets, 3);
  EXPECT_EQ(s.skipped_existing, 1);
  EXPECT_EQ(s.skipped_tickets, 1);
  EXPECT_EQ(s.price, 18900 + 4500 + 10000);
  EXPECT_EQ(s.fees, 750 + 200 + 100);
  ASSERT_EQ(s.by_type.size(), 2u);
  EXPECT_EQ(s.by_type[0].type, 0u);
  EXPECT_EQ(s.by_type[0].orders, 1);
  EXPECT_EQ(s.by_type[0].tickets, 2);
  EXPECT_EQ(s.sample_orders, (std::vector<uint32_t>{0}));
}

TEST(ImportRows, UnreadableFilesAreNamedByLine) {
  EXPECT_EQ(bo::imports::unreadable("")->message, "The file is empty.");
  EXPECT_EQ(bo::imports::unreadable("a,b\n1,\xff\n")->line, 2);
  EXPECT_EQ(bo::imports::unreadable(std::string("a,b\n\n1,\0\n", 9))->message,
            "Line 3 contains a NUL byte: this is not a CSV text file.");
  EXPECT_FALSE(bo::imports::unreadable("a,b\n\"1\n\xc3\xa9\",2\n"));
}

}  // namespace
