#include "domain/contact.hpp"

#include <phonenumbers/phonenumberutil.h>

#include <algorithm>

#include "common/error.hpp"
#include "common/time.hpp"

namespace bo::domain {
namespace {
// ISO 3166-1 alpha-2, officially assigned codes.
constexpr std::string_view kCountries =
    "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY "
    "BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK "
    "FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR "
    "IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK "
    "ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM "
    "PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF "
    "TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW";

bool label_char(unsigned char c) { return std::isalnum(c) || c == '-' || c >= 0x80; }
}  // namespace

const std::vector<std::string_view>& contact_text_fields() {
  static const std::vector<std::string_view> f{"email", "first_name", "last_name", "mobile", "company",
                                               "street", "postal_code", "city", "country", "language",
                                               "date_of_birth"};
  return f;
}

std::optional<std::string>* contact_field(Contact& c, std::string_view n) {
  if (n == "email") return &c.email;
  if (n == "first_name") return &c.first_name;
  if (n == "last_name") return &c.last_name;
  if (n == "mobile") return &c.mobile;
  if (n == "company") return &c.company;
  if (n == "street") return &c.street;
  if (n == "postal_code") return &c.postal_code;
  if (n == "city") return &c.city;
  if (n == "country") return &c.country;
  if (n == "language") return &c.language;
  if (n == "date_of_birth") return &c.date_of_birth;
  return nullptr;
}
const std::optional<std::string>* contact_field(const Contact& c, std::string_view n) {
  return contact_field(const_cast<Contact&>(c), n);
}

std::string to_lower_ascii(std::string_view s) {
  std::string out(s);
  for (auto& ch : out)
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  return out;
}

std::string trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return std::string(s);
}

bool valid_email(std::string_view e) {
  if (e.size() > 254) return false;
  auto at = e.rfind('@');
  if (at == std::string_view::npos || at == 0 || at > 64) return false;
  auto local = e.substr(0, at), domain = e.substr(at + 1);
  static constexpr std::string_view special = "!#$%&'*+/=?^_`{|}~.-";
  if (local.front() == '.' || local.back() == '.' || local.find("..") != std::string_view::npos) return false;
  for (unsigned char c : local)
    if (!std::isalnum(c) && c < 0x80 && special.find(static_cast<char>(c)) == std::string_view::npos) return false;
  if (domain.empty() || domain.find('.') == std::string_view::npos) return false;
  size_t start = 0;
  while (start <= domain.size()) {
    size_t dot = domain.find('.', start);
    auto label = domain.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
    if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') return false;
    if (!std::all_of(label.begin(), label.end(), [](char c) { return label_char(static_cast<unsigned char>(c)); }))
      return false;
    if (dot == std::string_view::npos) {
      if (label.size() < 2 || std::all_of(label.begin(), label.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return false;
      break;
    }
    start = dot + 1;
  }
  return true;
}

namespace {
using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

// Calling codes whose numbers libphonenumber reads with no rule beyond the national prefix "0": the digits
// after "+<code>", or after the "0" at home, are the national number as they stand. contact_test holds this
// against libphonenumber's own parsing for numbers of every region.
constexpr int kPlainCallingCodes[] = {31, 32, 33, 34, 41, 43, 44, 45, 46, 47, 49, 351, 352, 353, 358};

bool plain_calling_code(int code) {
  const auto codes = plain_calling_codes();
  return std::find(codes.begin(), codes.end(), code) != codes.end();
}

// A number written only with digits, spaces and dashes, as "+<code> <national number>" or, for a plain
// region, "0<national number>", read without libphonenumber's parser (regular expressions, about 12 µs a
// number, the slowest step of an import). Nullopt when the input is anything else or not valid.
std::optional<std::string> simple_e164(std::string_view input, const std::string& region) {
  const bool international = !input.empty() && input.front() == '+';
  std::string digits;
  for (char ch : input.substr(international ? 1 : 0)) {
    if (ch >= '0' && ch <= '9')
      digits += ch;
    else if (ch != ' ' && ch != '-')
      return std::nullopt;
  }
  if (digits.size() < 4 || digits.size() > 16) return std::nullopt;
  auto* util = PhoneNumberUtil::GetInstance();
  int code = 0;
  size_t national = 0;
  if (international) {
    for (size_t len = 1; len <= 3 && code == 0; ++len) {
      const int candidate = std::stoi(digits.substr(0, len));
      std::string owner;
      util->GetRegionCodeForCountryCode(candidate, &owner);
      if (owner != "ZZ") {
        code = candidate;
        national = len;
      }
    }
  } else if (digits.front() == '0') {
    code = util->GetCountryCodeForRegion(region);
    std::string main_region, prefix;
    util->GetRegionCodeForCountryCode(code, &main_region);
    util->GetNddPrefixForRegion(region, true, &prefix);
    if (main_region != region || prefix != "0") return std::nullopt;
    national = 1;
  }
  if (!plain_calling_code(code) || national >= digits.size() || digits[national] == '0') return std::nullopt;
  PhoneNumber number;
  number.set_country_code(code);
  number.set_national_number(std::stoull(digits.substr(national)));
  if (!util->IsValidNumber(number)) return std::nullopt;
  return "+" + std::to_string(code) + digits.substr(national);
}
}  // namespace

std::span<const int> plain_calling_codes() { return kPlainCallingCodes; }

std::optional<std::string> normalise_phone(std::string_view input, const std::string& region) {
  if (auto e164 = simple_e164(input, region)) return e164;
  auto* util = PhoneNumberUtil::GetInstance();
  PhoneNumber number;
  if (util->Parse(std::string(input), region.empty() ? "ZZ" : region, &number) != PhoneNumberUtil::NO_PARSING_ERROR)
    return std::nullopt;
  if (!util->IsValidNumber(number)) return std::nullopt;
  std::string out;
  util->Format(number, PhoneNumberUtil::E164, &out);
  return out;
}

bool valid_country(std::string_view code) {
  if (code.size() != 2) return false;
  for (size_t i = 0; i + 2 <= kCountries.size(); i += 3)
    if (kCountries.substr(i, 2) == code) return true;
  return false;
}

Contact apply_contact_patch(const Contact& current, const ContactPatch& patch, const std::string& region,
                            const std::string& today) {
  Contact c = current;
  std::map<std::string, std::string> errors;
  for (const auto& [name, value] : patch.text) {
    auto* field = contact_field(c, name);
    if (!field) {
      errors[name] = "Unknown field.";
      continue;
    }
    std::optional<std::string> v;
    if (value) {
      auto t = trim(*value);
      if (!t.empty()) v = t;
    }
    *field = v;
  }
  if (patch.marketing_opt_in) c.marketing_opt_in = *patch.marketing_opt_in;

  // Only what the patch touches is checked, so an old value that no longer passes does not block an edit.
  auto touched = [&](const char* name) { return patch.text.count(name) > 0; };
  auto too_long = [&](const char* name, const std::optional<std::string>& v, size_t max) {
    if (touched(name) && v && v->size() > max) errors[name] = "At most " + std::to_string(max) + " characters.";
  };
  too_long("first_name", c.first_name, 100);
  too_long("last_name", c.last_name, 100);
  too_long("company", c.company, 200);
  too_long("street", c.street, 200);
  too_long("city", c.city, 100);
  too_long("postal_code", c.postal_code, 20);
  if (touched("email") && c.email && !valid_email(*c.email)) errors["email"] = "Enter a valid e-mail address.";
  if (touched("country") && c.country) {
    std::string up = *c.country;
    for (auto& ch : up) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    if (valid_country(up)) {
      c.country = up;
    } else {
      errors["country"] = "Use a two-letter ISO 3166 country code, e.g. NL.";
    }
  }
  if (touched("mobile") && c.mobile) {
    std::string r = c.country && valid_country(*c.country) ? *c.country : region;
    if (auto e164 = normalise_phone(*c.mobile, r)) {
      c.mobile = *e164;
    } else {
      errors["mobile"] = "Enter a valid phone number, e.g. +31 6 12345678.";
    }
  }
  if (touched("language") && c.language) {
    auto l = to_lower_ascii(*c.language);
    if (l.size() == 2 && std::isalpha(static_cast<unsigned char>(l[0])) && std::isalpha(static_cast<unsigned char>(l[1]))) {
      c.language = l;
    } else {
      errors["language"] = "Use a two-letter ISO 639-1 language code, e.g. nl.";
    }
  }
  if (touched("date_of_birth") && c.date_of_birth) {
    if (!valid_date(*c.date_of_birth) || *c.date_of_birth > today || *c.date_of_birth < "1900-01-01")
      errors["date_of_birth"] = "Enter a real date of birth as YYYY-MM-DD.";
  }
  if (!errors.empty()) throw validation_failed(std::move(errors));
  return c;
}

}  // namespace bo::domain
