#pragma once
// The languages Boxoffice speaks: the staff UI, and everything a customer receives.
#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace bo::domain {

inline constexpr std::array<std::string_view, 2> kLanguages{"en", "nl"};

inline bool is_language(std::string_view code) {
  return std::find(kLanguages.begin(), kLanguages.end(), code) != kLanguages.end();
}

// A customer's language: the contact's when Boxoffice speaks it, otherwise the organisation's default.
inline std::string customer_language(const std::optional<std::string>& contact_language,
                                     const std::string& organisation_default) {
  if (contact_language && is_language(*contact_language)) return *contact_language;
  return is_language(organisation_default) ? organisation_default : std::string(kLanguages[0]);
}

}  // namespace bo::domain
