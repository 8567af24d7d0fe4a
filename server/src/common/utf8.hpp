#pragma once
#include <string_view>

namespace bo {
// True when `text` is well-formed UTF-8 (no overlong forms, surrogates or code points above U+10FFFF).
bool valid_utf8(std::string_view text) noexcept;
}  // namespace bo
