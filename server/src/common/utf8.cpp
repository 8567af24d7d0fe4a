#include "common/utf8.hpp"

#include <cstdint>
#include <cstring>

namespace bo {
namespace {
bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }
}  // namespace

size_t utf8_sequence_length(std::string_view s, size_t i) noexcept {
  auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned c = b(i);
  if (c < 0x80) return 1;
  size_t tail;
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
    return 0;
  }
  if (s.size() - i <= tail || b(i + 1) < low || b(i + 1) > high) return 0;
  for (size_t k = 2; k <= tail; ++k)
    if (!is_continuation(b(i + k))) return 0;
  return tail + 1;
}

void utf8_truncate(std::string& s, size_t max_bytes) {
  if (s.size() <= max_bytes) return;
  size_t end = max_bytes;
  while (end > 0 && is_continuation(static_cast<unsigned char>(s[end]))) --end;
  s.resize(end);
}

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
    const size_t n = utf8_sequence_length(text, static_cast<size_t>(p - reinterpret_cast<const unsigned char*>(text.data())));
    if (n == 0) return false;
    p += n;
  }
  return true;
}
}  // namespace bo
