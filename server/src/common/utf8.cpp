#include "common/utf8.hpp"

#include <cstdint>
#include <cstring>

namespace bo {
namespace {
bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }
}  // namespace

// Eight ASCII bytes at a time; imports check every non-ASCII field of files with millions of rows.
bool valid_utf8(std::string_view text) noexcept {
  auto p = reinterpret_cast<const unsigned char*>(text.data());
  const auto end = p + text.size();
  while (p < end) {
    if (end - p >= 8) {
      std::uint64_t word;
      std::memcpy(&word, p, 8);
      if ((word & 0x8080808080808080ULL) == 0) {
        p += 8;
        continue;
      }
    }
    const unsigned c = *p;
    if (c < 0x80) {
      ++p;
      continue;
    }
    std::ptrdiff_t tail;
    unsigned low = 0x80, high = 0xBF;  // allowed range of the first continuation byte
    if (c >= 0xC2 && c <= 0xDF) {
      tail = 1;
    } else if (c == 0xE0) {
      tail = 2, low = 0xA0;  // overlong
    } else if (c == 0xED) {
      tail = 2, high = 0x9F;  // surrogates
    } else if (c >= 0xE1 && c <= 0xEF) {
      tail = 2;
    } else if (c == 0xF0) {
      tail = 3, low = 0x90;  // overlong
    } else if (c >= 0xF1 && c <= 0xF3) {
      tail = 3;
    } else if (c == 0xF4) {
      tail = 3, high = 0x8F;  // above U+10FFFF
    } else {
      return false;
    }
    if (end - p <= tail || p[1] < low || p[1] > high) return false;
    for (std::ptrdiff_t i = 2; i <= tail; ++i) {
      if (!is_continuation(p[i])) return false;
    }
    p += tail + 1;
  }
  return true;
}
}  // namespace bo
