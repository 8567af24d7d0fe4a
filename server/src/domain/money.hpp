#pragma once
// Money is an integer number of minor units of an ISO 4217 currency; never a float.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace bo::domain {
// Number of decimals of a currency (EUR 2, JPY 0, KWD 3); nullopt for an unknown code.
std::optional<int> currency_exponent(std::string_view code);
// "89.50" → 8950 for EUR; accepts "89", "89.5", "1,234.50" is refused. nullopt when not exact.
std::optional<int64_t> parse_decimal(std::string_view text, int exponent);
// 8950 → "89.50"
std::string format_decimal(int64_t minor, int exponent);
// "EUR 89.50", for e-mails and PDFs.
std::string format_money(int64_t minor, const std::string& currency);
// The same with the decimal separator of `language` (common/messages): "EUR 89.50", "EUR 89,50".
std::string format_money(int64_t minor, const std::string& currency, std::string_view language);
// Overflow-checked addition; throws std::overflow_error.
int64_t add_money(int64_t a, int64_t b);
}  // namespace bo::domain
