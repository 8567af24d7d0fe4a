#include <gtest/gtest.h>

#include <regex>
#include <set>

#include "common/messages.hpp"
#include "common/time.hpp"
#include "domain/languages.hpp"
#include "domain/money.hpp"

namespace {
std::set<std::string> placeholders(const std::string& text) {
  std::set<std::string> out;
  static const std::regex name(R"(\{([a-z_]+)\})");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), name); it != std::sregex_iterator(); ++it)
    out.insert((*it)[1]);
  return out;
}
}  // namespace

TEST(Messages, EveryLanguageOfferedHasEveryKeyWithTheSamePlaceholders) {
  auto english = bo::message_keys("en");
  ASSERT_FALSE(english.empty());
  for (auto language : bo::domain::kLanguages) {
    EXPECT_EQ(bo::message_keys(language), english) << language;
    for (const auto& key : english)
      EXPECT_EQ(placeholders(bo::message(language, key)), placeholders(bo::message("en", key))) << language << " " << key;
  }
  EXPECT_EQ(bo::message_languages().size(), bo::domain::kLanguages.size());
}

TEST(Messages, FillsPlaceholdersAndFallsBackToEnglishForALanguageWithoutFile) {
  EXPECT_EQ(bo::message("nl", "pdf.ticket_of", {{"n", "2"}, {"count", "3"}}), "Ticket 2 van 3");
  EXPECT_EQ(bo::message("de", "pdf.ticket_of", {{"n", "2"}, {"count", "3"}}), "Ticket 2 of 3");
  EXPECT_THROW(bo::message("en", "no.such.key"), std::out_of_range);
}

TEST(Messages, DatesAndMoneyAsACustomerReadsThem) {
  // 2026-07-04 18:00 in Amsterdam (16:00 UTC), a Saturday
  EXPECT_EQ(bo::local_human(1783180800, "Europe/Amsterdam", "en"), "Sat 4 Jul 2026, 18:00");
  EXPECT_EQ(bo::local_human(1783180800, "Europe/Amsterdam", "nl"), "zaterdag 4 juli 2026 om 18:00");
  EXPECT_EQ(bo::domain::format_money(8950, "EUR", "nl"), "EUR 89,50");
  EXPECT_EQ(bo::domain::format_money(8950, "EUR", "en"), "EUR 89.50");
  EXPECT_EQ(bo::domain::customer_language(std::string("de"), "nl"), "nl");
  EXPECT_EQ(bo::domain::customer_language(std::nullopt, "en"), "en");
  EXPECT_EQ(bo::domain::customer_language(std::string("nl"), "en"), "nl");
}
