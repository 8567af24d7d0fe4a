#include <gtest/gtest.h>

#include "services/email_templates.hpp"

using namespace bo::services;

TEST(EmailTemplates, RendersKnownPlaceholdersAndKeepsTheRest) {
  EmailText t{"Order {order_number}", "Hi {first_name},\n{unknown} {first_name} {Not_A_Name} { } {}"};
  auto out = render_template(t, {{"order_number", "T9X4K2QZ"}, {"first_name", "Zoë"}});
  EXPECT_EQ(out.subject, "Order T9X4K2QZ");
  EXPECT_EQ(out.text, "Hi Zoë,\n{unknown} Zoë {Not_A_Name} { } {}");
}

TEST(EmailTemplates, ValuesAreNotRenderedAgain) {
  auto out = render_template({"{a}", "{a}{b}"}, {{"a", "{b}"}, {"b", "x"}});
  EXPECT_EQ(out.subject, "{b}");
  EXPECT_EQ(out.text, "{b}x");
}

TEST(EmailTemplates, EveryDefaultUsesOnlyItsPlaceholdersAndRendersCompletely) {
  bo::domain::Organisation org;
  org.name = "Demo Events";
  org.currency = "EUR";
  org.time_zone = "Europe/Amsterdam";
  for (auto language : {"en", "nl"})
    for (const auto& kind : email_kinds()) {
      auto t = default_template(kind, language);
      EXPECT_TRUE(check_template(kind, t).empty()) << kind;
      auto out = render_template(t, sample_values(org, kind, language, "https://tickets.example", 1'800'000'000));
      EXPECT_EQ(out.text.find('{'), std::string::npos) << kind << ": " << out.text;
      EXPECT_EQ(out.subject.find('{'), std::string::npos) << kind;
    }
  EXPECT_NE(render_template(default_template("refund", "en"), sample_values(org, "refund", "en", "", 0)).text.find("EUR 89.50"),
            std::string::npos);
  auto dutch = render_template(default_template("refund", "nl"), sample_values(org, "refund", "nl", "", 0));
  EXPECT_NE(dutch.text.find("We hebben EUR 89,50 terugbetaald"), std::string::npos) << dutch.text;
}

TEST(EmailTemplates, ChecksPlaceholdersPerKindAndHeaderSafety) {
  EXPECT_EQ(check_template("refund", {"About {link}", "x"}).at("subject"), "Unknown placeholder {link}.");
  EXPECT_TRUE(check_template("personalisation_link", {"About {link}", "x"}).empty());
  EXPECT_EQ(check_template("tickets", {"Two\r\nBcc: x@y", "x"}).at("subject"), "Use a single line.");
  EXPECT_EQ(check_template("tickets", {"ok", " \n"}).at("text"), "Required.");
  EXPECT_EQ(check_template("tickets", {std::string(201, 'a'), "x"}).at("subject"), "At most 200 characters.");
}

TEST(EmailTemplates, OrganisationOverridesFallBackToTheDefaultsOfTheirLanguage) {
  bo::domain::Organisation org;
  org.email_templates = R"({"en":{"refund":{"subject":"Money back: {order_number}"},"bogus":{"subject":"x"}}})";
  auto refund = template_for(org, "refund", "en");
  EXPECT_EQ(refund.subject, "Money back: {order_number}");
  EXPECT_EQ(refund.text, default_template("refund", "en").text);
  EXPECT_EQ(template_for(org, "tickets", "en"), default_template("tickets", "en"));
  EXPECT_EQ(custom_templates(org, "en").size(), 1u);
  // a Dutch customer never gets the English custom text: the Dutch default instead
  EXPECT_EQ(template_for(org, "refund", "nl"), default_template("refund", "nl"));
  EXPECT_NE(default_template("refund", "nl").subject, default_template("refund", "en").subject);
  org.email_templates = "not json";
  EXPECT_EQ(template_for(org, "refund", "en"), default_template("refund", "en"));
  EXPECT_EQ(templates_json(R"({"en":{"tickets":{"subject":"a","text":"b"}}})", "nl", {{"refund", {"s", "t"}}}),
            R"({"en":{"tickets":{"subject":"a","text":"b"}},"nl":{"refund":{"subject":"s","text":"t"}}})");
  EXPECT_EQ(templates_json(R"({"en":{"tickets":{"subject":"a","text":"b"}}})", "en", {}), "{}");
}
