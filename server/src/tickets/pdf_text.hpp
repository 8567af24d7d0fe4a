#pragma once
// Text clean-up before it goes into the ticket PDF: control characters become spaces and
// malformed UTF-8 never reaches libharu.
#include <string>
#include <string_view>

namespace bo::tickets {

// Valid UTF-8 limited to the Basic Multilingual Plane (what libharu's UTF-8 encoder handles);
// invalid sequences and characters beyond U+FFFF become U+FFFD.
std::string sanitize_utf8(std::string_view text);

// Windows-1252 bytes for the standard fonts' WinAnsiEncoding; characters it lacks become '?'.
std::string utf8_to_cp1252(std::string_view text);

}  // namespace bo::tickets
