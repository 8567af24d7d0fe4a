#include "domain/money.hpp"

#include "common/messages.hpp"

#include <array>
#include <stdexcept>

namespace bo::domain {
std::optional<int> currency_exponent(std::string_view code) {
  static constexpr std::array<std::string_view, 16> zero{"BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW",
                                                         "PYG", "RWF", "UGX", "VND", "VUV", "XAF", "XOF", "XPF"};
  static constexpr std::array<std::string_view, 7> three{"BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"};
  if (code.size() != 3) return std::nullopt;
  for (char c : code)
    if (c < 'A' || c > 'Z') return std::nullopt;
  for (auto z : zero)
    if (z == code) return 0;
  for (auto t : three)
    if (t == code) return 3;
  return 2;
}

std::optional<int64_t> parse_decimal(std::string_view s, int exponent) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  if (s.empty()) return std::nullopt;
  bool negative = false;
  if (s.front() == '-') {
    negative = true;
    s.remove_prefix(1);
  }
  int64_t whole = 0;
  size_t i = 0;
  size_t int_digits = 0;
  for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i, ++int_digits) {
    if (whole > (INT64_MAX / 10 - 10)) return std::nullopt;
    whole = whole * 10 + (s[i] - '0');
  }
  int64_t frac = 0;
  int frac_digits = 0;
  if (i < s.size() && s[i] == '.') {
    ++i;
    for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i) {
      if (frac_digits == exponent) {
        if (s[i] != '0') return std::nullopt;
        continue;
      }
      frac = frac * 10 + (s[i] - '0');
      ++frac_digits;
    }
    if (frac_digits == 0 && int_digits == 0) return std::nullopt;
  }
  if (i != s.size() || int_digits == 0) return std::nullopt;
  for (int k = frac_digits; k < exponent; ++k) frac *= 10;
  int64_t scale = 1;
  for (int k = 0; k < exponent; ++k) scale *= 10;
  if (whole > INT64_MAX / scale - 1) return std::nullopt;
  int64_t v = whole * scale + frac;
  return negative ? -v : v;
}

std::string format_decimal(int64_t minor, int exponent) {
  bool negative = minor < 0;
  uint64_t v = negative ? static_cast<uint64_t>(-(minor + 1)) + 1 : static_cast<uint64_t>(minor);
  std::string digits = std::to_string(v);
  if (exponent > 0) {
    if (digits.size() <= static_cast<size_t>(exponent))
      digits.insert(0, static_cast<size_t>(exponent) + 1 - digits.size(), '0');
    digits.insert(digits.size() - static_cast<size_t>(exponent), ".");
  }
  return negative ? "-" + digits : digits;
}

std::string format_money(int64_t minor, const std::string& currency) {
  return currency + " " + format_decimal(minor, currency_exponent(currency).value_or(2));
}

std::string format_money(int64_t minor, const std::string& currency, std::string_view language) {
  auto out = format_money(minor, currency);
  const auto& separator = message(language, "money.decimal_separator");
  if (auto dot = out.rfind('.'); dot != std::string::npos) out.replace(dot, 1, separator);
  return out;
}

int64_t add_money(int64_t a, int64_t b) {
  int64_t r;
  if (__builtin_add_overflow(a, b, &r)) throw std::overflow_error("money overflow");
  return r;
}
}  // namespace bo::domain
