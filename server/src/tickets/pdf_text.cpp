#include "tickets/pdf_text.hpp"

#include <array>
#include <cstdint>

namespace bo::tickets {

namespace {

constexpr char32_t replacement = 0xFFFD;

// Calls emit(code_point) for each character; a malformed sequence yields one U+FFFD per byte.
template <typename Emit>
void decode_utf8(std::string_view text, Emit&& emit) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto lead = static_cast<unsigned char>(text[i]);
    int extra = 0;
    char32_t cp = 0;
    char32_t min = 0;
    if (lead < 0x80) {
      cp = lead;
    } else if ((lead & 0xE0) == 0xC0) {
      extra = 1, cp = lead & 0x1F, min = 0x80;
    } else if ((lead & 0xF0) == 0xE0) {
      extra = 2, cp = lead & 0x0F, min = 0x800;
    } else if ((lead & 0xF8) == 0xF0) {
      extra = 3, cp = lead & 0x07, min = 0x10000;
    } else {
      emit(replacement), ++i;
      continue;
    }
    bool valid = i + static_cast<std::size_t>(extra) < text.size();
    for (int k = 1; valid && k <= extra; ++k) {
      const auto next = static_cast<unsigned char>(text[i + static_cast<std::size_t>(k)]);
      valid = (next & 0xC0) == 0x80;
      cp = (cp << 6) | (next & 0x3F);
    }
    valid = valid && cp >= min && cp <= 0x10FFFF && (cp < 0xD800 || cp > 0xDFFF);
    if (!valid) {
      emit(replacement), ++i;
      continue;
    }
    emit(cp);
    i += static_cast<std::size_t>(extra) + 1;
  }
}

bool is_control(char32_t cp) { return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0); }

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Unicode code points of Windows-1252 bytes 0x80..0x9F; 0 where the byte is unassigned.
constexpr std::array<char16_t, 32> cp1252_high = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

}  // namespace

std::string sanitize_utf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  decode_utf8(text, [&](char32_t cp) {
    if (is_control(cp)) cp = U' ';
    if (cp > 0xFFFF) cp = replacement;
    append_utf8(out, cp);
  });
  return out;
}

std::string utf8_to_cp1252(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  decode_utf8(text, [&](char32_t cp) {
    if (is_control(cp)) {
      out += ' ';
      return;
    }
    if (cp > 0xFF) {
      for (std::size_t b = 0; b < cp1252_high.size(); ++b) {
        if (cp1252_high[b] == cp) {
          out += static_cast<char>(0x80 + b);
          return;
        }
      }
    }
    out += cp <= 0xFF ? static_cast<char>(cp) : '?';
  });
  return out;
}

}  // namespace bo::tickets
