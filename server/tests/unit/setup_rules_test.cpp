#include <gtest/gtest.h>

#include "domain/setup_rules.hpp"
#include "services/audit.hpp"

using namespace bo;

namespace {
domain::TicketType weekend() {
  domain::TicketType t;
  t.name = "Weekend";
  t.price = 8950;
  t.fee = 250;
  t.capacity = 100;
  t.issued = 40;
  t.fields = {{"first_name", "First name", "text", true, {}}, {"size", "Size", "select", false, {"S", "M"}}};
  return t;
}

domain::Organisation demo() {
  domain::Organisation o;
  o.name = "Demo Events";
  o.currency = "EUR";
  o.time_zone = "Europe/Amsterdam";
  o.country = "NL";
  o.sender_email = "tickets@demo.test";
  return o;
}
}  // namespace

TEST(SetupRules, EventMustEndAfterItStarts) {
  domain::Event e{0, "Jazz", "Paradiso", 1000, 1000, false};
  EXPECT_EQ(domain::check_event(e), (domain::FieldErrors{{"ends_at", "The event must end after it starts."}}));
  e.ends_at = 1001;
  EXPECT_TRUE(domain::check_event(e).empty());
  e.name = " ";
  e.venue = "Two\nlines";
  auto errors = domain::check_event(e);
  EXPECT_EQ(errors.count("name"), 1u);
  EXPECT_EQ(errors.count("venue"), 1u);
}

TEST(SetupRules, CapacityNeverBelowIssued) {
  auto t = weekend();
  EXPECT_TRUE(domain::check_ticket_type(t).empty());
  t.capacity = 40;
  EXPECT_TRUE(domain::check_ticket_type(t).empty());
  t.capacity = 39;
  EXPECT_EQ(domain::check_ticket_type(t).at("capacity"), "Cannot be below the 40 tickets already issued.");
}

TEST(SetupRules, PricesAndFeesAreNotNegative) {
  auto t = weekend();
  t.price = -1;
  t.fee = domain::kMaxPrice + 1;
  auto errors = domain::check_ticket_type(t);
  EXPECT_EQ(errors.at("price"), "Cannot be negative.");
  EXPECT_EQ(errors.at("fee"), "Too large.");
}

TEST(SetupRules, PersonalisationFieldsAreReportedPerField) {
  auto t = weekend();
  t.fields.push_back({"Bad Key", "Bad", "text", false, {}});
  t.fields.push_back({"colour", "Colour", "colour", false, {}});
  t.fields.push_back({"shirt", "Shirt", "select", true, {}});
  t.fields.push_back({"first_name", "Again", "text", false, {}});
  t.fields.push_back({"drink", "Drink", "select", false, {"Cola", "Cola"}});
  auto errors = domain::check_ticket_type(t);
  EXPECT_EQ(errors, (domain::FieldErrors{{"personalisation_fields.2.key", "Use lower-case letters, digits and _."},
                                         {"personalisation_fields.3.kind", "One of text, email, date, phone, select."},
                                         {"personalisation_fields.4.options", "A select needs options."},
                                         {"personalisation_fields.5.key", "Keys must be unique."},
                                         {"personalisation_fields.6.options", "Each option once."}}));
}

TEST(SetupRules, OrganisationSettings) {
  auto o = demo();
  EXPECT_TRUE(domain::check_organisation(o).empty());
  o.currency = "EURO";
  o.time_zone = "Mars/Olympus";
  o.country = "ZZ";
  o.sender_email = "nobody";
  o.policy.refundable_methods = {"card", "card"};
  o.policy.deadline_days = -1;
  auto errors = domain::check_organisation(o);
  for (auto field : {"currency", "time_zone", "country", "sender_email", "refund_methods", "refund_deadline_days"})
    EXPECT_EQ(errors.count(field), 1u) << field;
  o = demo();
  o.policy.refundable_methods = {"bitcoin"};
  EXPECT_EQ(domain::check_organisation(o).at("refund_methods"), "Unknown payment method: bitcoin.");
}

TEST(Audit, ChangesListOnlyWhatDiffers) {
  nlohmann::json before{{"name", "A"}, {"capacity", 5}, {"venue", "X"}};
  nlohmann::json after{{"name", "B"}, {"capacity", 5}, {"archived", true}};
  auto changes = services::changes_between(before, after);
  EXPECT_EQ(changes, (nlohmann::json{{"name", {{"old", "A"}, {"new", "B"}}},
                                     {"venue", {{"old", "X"}, {"new", nullptr}}},
                                     {"archived", {{"old", nullptr}, {"new", true}}}}));
  EXPECT_EQ(services::changes_between(nullptr, nlohmann::json{{"name", "A"}}),
            (nlohmann::json{{"name", {{"old", nullptr}, {"new", "A"}}}}));
  EXPECT_TRUE(services::changes_between(before, before).empty());
}
