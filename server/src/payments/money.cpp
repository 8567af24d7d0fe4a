// ISO 4217 decimals and exact minor-unit formatting; no floating point anywhere.
#include "payments/money.hpp"

#include <array>
#include <cctype>

namespace bo::payments {
namespace {

constexpr std::array<std::string_view, 17> zero_decimal = {
    "BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG",
    "RWF", "UGX", "UYI", "VND", "VUV", "XAF", "XOF", "XPF"};
constexpr std::array<std::string_view, 7> three_decimal = {"BHD", "IQD", "JOD", "KWD",
                                                           "LYD", "OMR", "TND"};
constexpr std::array<std::string_view, 1> four_decimal = {"UYW"};

template <size_t N>
bool contains(const std::array<std::string_view, N>& list, std::string_view code) {
  for (auto c : list)
    if (c == code) return true;
  return false;
}

}  // namespace

std::optional<int> currency_exponent(std::string_view currency) {
  if (currency.size() != 3) return std::nullopt;
  std::string code;
  for (char c : currency) {
    if (!std::isalpha(static_cast<unsigned char>(c))) return std::nullopt;
    code.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
  }
  if (contains(zero_decimal, code)) return 0;
  if (contains(three_decimal, code)) return 3;
  if (contains(four_decimal, code)) return 4;
  return 2;
}

std::string format_minor_units(int64_t amount, int exponent) {
  const bool negative = amount < 0;
  uint64_t magnitude = negative ? uint64_t{0} - static_cast<uint64_t>(amount) : static_cast<uint64_t>(amount);
  std::string digits = std::to_string(magnitude);
  if (exponent > 0) {
    const auto width = static_cast<size_t>(exponent) + 1;
    if (digits.size() < width) digits.insert(0, width - digits.size(), '0');
    digits.insert(digits.size() - static_cast<size_t>(exponent), 1, '.');
  }
  return negative ? "-" + digits : digits;
}

}  // namespace bo::payments
