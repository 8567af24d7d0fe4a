#pragma once
// Minor units → provider decimal strings, exact with integers: 8950 EUR → "89.50", 1500 JPY → "1500".
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace bo::payments {

// Number of decimals of an ISO 4217 code (case-insensitive); nullopt unless it is three letters.
std::optional<int> currency_exponent(std::string_view currency);

std::string format_minor_units(int64_t amount, int exponent);

}  // namespace bo::payments
