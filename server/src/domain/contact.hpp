#pragma once
// The buyer's contact data and its validation: e-mail syntax, mobile normalised to E.164,
// ISO 3166 country, ISO 639-1 language, a real date of birth. Invalid input → Error validation_failed.
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace bo::domain {

struct Contact {
  std::optional<std::string> email, first_name, last_name, mobile, company, street, postal_code, city,
      country, language, date_of_birth;
  bool marketing_opt_in = false;
};

// The text fields of Contact, in display order (marketing_opt_in is separate).
const std::vector<std::string_view>& contact_text_fields();
std::optional<std::string>* contact_field(Contact& c, std::string_view name);
const std::optional<std::string>* contact_field(const Contact& c, std::string_view name);

// A partial update: a field present with nullopt clears it.
struct ContactPatch {
  std::map<std::string, std::optional<std::string>> text;
  std::optional<bool> marketing_opt_in;
};

// Applies and validates; `region` is the default phone region (ISO country) when the contact has none;
// `today` is "YYYY-MM-DD". Throws bo::Error("validation_failed") listing every bad field.
Contact apply_contact_patch(const Contact& current, const ContactPatch& patch, const std::string& region,
                            const std::string& today);

bool valid_email(std::string_view email);
// E.164 ("+31612345678") or nullopt when not a valid phone number.
std::optional<std::string> normalise_phone(std::string_view input, const std::string& region);
// The calling codes whose simply written numbers normalise_phone reads without libphonenumber's parser.
std::span<const int> plain_calling_codes();
bool valid_country(std::string_view code);
std::string to_lower_ascii(std::string_view s);
std::string trim(std::string_view s);

}  // namespace bo::domain
