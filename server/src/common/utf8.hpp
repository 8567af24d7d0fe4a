#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace bo {
// True when `text` is well-formed UTF-8 (no overlong forms, surrogates or code points above U+10FFFF).
bool valid_utf8(std::string_view text) noexcept;
// Bytes of the well-formed character starting at s[i] (1 for ASCII), or 0 when none starts there.
size_t utf8_sequence_length(std::string_view s, size_t i) noexcept;
// Cuts `s` to at most `max_bytes` without splitting a character.
void utf8_truncate(std::string& s, size_t max_bytes);
}  // namespace bo
