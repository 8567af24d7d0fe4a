#include <gtest/gtest.h>
#include <phonenumbers/phonenumberutil.h>

#include <random>

#include "common/error.hpp"
#include "domain/contact.hpp"
#include "domain/personalisation.hpp"

using namespace bo::domain;

namespace {
std::map<std::string, std::string> errors_of(const ContactPatch& p) {
  try {
    apply_contact_patch({}, p, "NL", "2026-11-27");
  } catch (const bo::Error& e) {
    return e.fields;
  }
  return {};
}
ContactPatch patch(std::map<std::string, std::optional<std::string>> text) { return {std::move(text), {}}; }
}  // namespace

TEST(Contact, EmailSyntax) {
  for (auto ok : {"a@b.nl", "first.last+tag@sub.example.co.uk", "o'brien@example.ie", "zoë@example.com"})
    EXPECT_TRUE(valid_email(ok)) << ok;
  for (auto bad : {"", "a", "a@b", "@b.nl", "a@.nl", "a..b@c.nl", "a@b..nl", "a b@c.nl", "a@-b.nl", "a@b.1"})
    EXPECT_FALSE(valid_email(bad)) << bad;
}

TEST(Contact, PhoneBecomesE164InTheContactsCountry) {
  EXPECT_EQ(normalise_phone("06 12345678", "NL"), "+31612345678");
  EXPECT_EQ(normalise_phone("+32 470 12 34 56", "NL"), "+32470123456");
  EXPECT_EQ(normalise_phone("0470123456", "BE"), "+32470123456");
  EXPECT_FALSE(normalise_phone("12", "NL").has_value());
  auto c = apply_contact_patch({}, patch({{"country", "be"}, {"mobile", "0470 12 34 56"}}), "NL", "2026-11-27");
  EXPECT_EQ(c.country, "BE");
  EXPECT_EQ(c.mobile, "+32470123456");
}

namespace {
using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

std::optional<std::string> libphonenumber_e164(const std::string& input, const std::string& region) {
  auto* util = PhoneNumberUtil::GetInstance();
  PhoneNumber n;
  if (util->Parse(input, region, &n) != PhoneNumberUtil::NO_PARSING_ERROR || !util->IsValidNumber(n))
    return std::nullopt;
  std::string out;
  util->Format(n, PhoneNumberUtil::E164, &out);
  return out;
}

// Compares normalise_phone with libphonenumber's own parsing for `n` written every way, at home and abroad.
void expect_same_as_libphonenumber(const PhoneNumber& n, const std::string& region, size_t& compared,
                                   size_t& valid) {
  auto* util = PhoneNumberUtil::GetInstance();
  for (auto format : {PhoneNumberUtil::E164, PhoneNumberUtil::INTERNATIONAL, PhoneNumberUtil::NATIONAL}) {
    std::string written;
    util->Format(n, format, &written);
    for (const auto& wording : {written, "0" + std::to_string(n.national_number())})
      for (const auto& home : {region, std::string("NL")}) {
        auto expected = libphonenumber_e164(wording, home);
        ASSERT_EQ(normalise_phone(wording, home), expected) << wording << " in " << home;
        ++compared;
        valid += expected.has_value();
      }
  }
}

// The example number of `type` in `region` with its digits from `keep` on drawn at random, and with a
// random digit in front when `longer`.
std::optional<PhoneNumber> varied_example(const std::string& region, PhoneNumberUtil::PhoneNumberType type,
                                          size_t keep, bool longer, std::mt19937_64& random) {
  PhoneNumber n;
  if (!PhoneNumberUtil::GetInstance()->GetExampleNumberForType(region, type, &n)) return std::nullopt;
  auto digits = std::to_string(n.national_number());
  if (longer) digits.insert(digits.begin(), static_cast<char>('1' + random() % 9));
  for (size_t i = std::min(keep, digits.size() - 1); i < digits.size(); ++i)
    digits[i] = static_cast<char>((i == 0 ? '1' + random() % 9 : '0' + random() % 10));
  n.set_national_number(std::stoull(digits));
  return n;
}
}  // namespace

// normalise_phone reads simply written numbers of some countries itself; it must agree with libphonenumber's
// own parsing for numbers of every region and for any digits of those countries, written every way.
TEST(Contact, PhoneAgreesWithLibphonenumber) {
  auto* util = PhoneNumberUtil::GetInstance();
  std::set<std::string> regions;
  util->GetSupportedRegions(&regions);
  std::mt19937_64 random(7);
  size_t compared = 0, valid = 0;
  for (const auto& region : regions)
    for (auto type : {PhoneNumberUtil::MOBILE, PhoneNumberUtil::FIXED_LINE})
      for (int variant = 0; variant < 4; ++variant)
        if (auto n = varied_example(region, type, 4, false, random))
          expect_same_as_libphonenumber(*n, region, compared, valid);
  for (int code : plain_calling_codes()) {
    std::string region;
    util->GetRegionCodeForCountryCode(code, &region);
    for (auto type : {PhoneNumberUtil::MOBILE, PhoneNumberUtil::FIXED_LINE, PhoneNumberUtil::TOLL_FREE,
                      PhoneNumberUtil::PREMIUM_RATE, PhoneNumberUtil::SHARED_COST, PhoneNumberUtil::VOIP,
                      PhoneNumberUtil::PERSONAL_NUMBER, PhoneNumberUtil::UAN})
      for (int variant = 0; variant < 20; ++variant)
        if (auto n = varied_example(region, type, variant % 4, variant % 3 == 2, random))
          expect_same_as_libphonenumber(*n, region, compared, valid);
  }
  EXPECT_GT(compared, 20000u);
  EXPECT_GT(valid, compared / 4);
}

TEST(Contact, EveryBadFieldIsNamed) {
  auto e = errors_of(patch({{"email", "nope"}, {"mobile", "12"}, {"country", "XX"}, {"language", "dutch"},
                            {"date_of_birth", "2027-01-01"}, {"shoe", "42"}}));
  EXPECT_EQ(e.size(), 6u);
  for (auto f : {"email", "mobile", "country", "language", "date_of_birth", "shoe"}) EXPECT_TRUE(e.count(f)) << f;
  EXPECT_TRUE(errors_of(patch({{"date_of_birth", "1990-02-30"}})).count("date_of_birth"));
}

TEST(Contact, BlankClearsAndTextIsTrimmed) {
  Contact before;
  before.company = "Old";
  auto c = apply_contact_patch(before, patch({{"company", "  "}, {"city", "  Delft "}}), "NL", "2026-11-27");
  EXPECT_FALSE(c.company.has_value());
  EXPECT_EQ(c.city, "Delft");
}

TEST(Contact, UntouchedOldValuesDoNotBlockAnEdit) {
  Contact before;
  before.mobile = "not a phone";
  auto c = apply_contact_patch(before, patch({{"city", "Delft"}}), "NL", "2026-11-27");
  EXPECT_EQ(c.city, "Delft");
}

TEST(Personalisation, ValidatesByKindAndReportsMissing) {
  std::vector<FieldDef> fields{{"first_name", "First name", "text", true, {}},
                               {"birth", "Date of birth", "date", true, {}},
                               {"email", "E-mail", "email", false, {}},
                               {"phone", "Phone", "phone", false, {}},
                               {"size", "Size", "select", false, {"S", "M"}}};
  std::map<std::string, std::string> errors;
  auto v = validate_attendee(fields, {}, {{"first_name", " Ann "}, {"email", "x"}, {"phone", "0612345678"},
                                          {"size", "XL"}, {"birth", "2001-13-01"}, {"other", "1"}},
                             "NL", "2026-11-27", false, errors);
  EXPECT_EQ(v["first_name"], "Ann");
  EXPECT_EQ(v["phone"], "+31612345678");
  EXPECT_EQ(errors.size(), 4u);
  for (auto k : {"email", "size", "birth", "other"}) EXPECT_TRUE(errors.count(k)) << k;
  errors.clear();
  validate_attendee(fields, {}, {{"first_name", "Ann"}}, "NL", "2026-11-27", true, errors);
  EXPECT_EQ(errors, (std::map<std::string, std::string>{{"birth", "Required."}}));
  EXPECT_EQ(missing_fields(fields, {{"first_name", "Ann"}}), std::vector<std::string>{"birth"});
  EXPECT_EQ(attendee_name({{"first_name", "Ann"}, {"last_name", "Lee"}}), "Ann Lee");
}

TEST(Personalisation, FieldDefinitionsAreChecked) {
  auto e = check_field_defs({{"Bad Key", "x", "text", false, {}}, {"a", "", "colour", false, {}},
                             {"b", "B", "select", false, {}}, {"b", "B2", "text", false, {}}});
  EXPECT_TRUE(e.count("fields.0.key"));
  EXPECT_TRUE(e.count("fields.1.label"));
  EXPECT_TRUE(e.count("fields.1.kind"));
  EXPECT_TRUE(e.count("fields.2.options"));
  EXPECT_TRUE(e.count("fields.3.key"));
}
