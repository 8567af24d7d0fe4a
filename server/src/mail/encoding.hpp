#pragma once
// Byte-level encodings used by MIME (RFC 2045 base64 lines and quoted-printable).
// Pure functions; outputs use CRLF line endings.
#include <cstddef>
#include <string>
#include <string_view>

namespace bo::mail {

// Base64 of `data`. With line_length > 0 the output is cut into lines of that many
// characters, each (the last included) ended by CRLF.
std::string base64_encode(std::string_view data, std::size_t line_length = 0);

// Quoted-printable of `text` whose lines end in CRLF: every output line is at most
// 76 characters; a leading "." or "From " is escaped so relays and mbox files leave it alone.
std::string quoted_printable_encode(std::string_view text);

// Turns lone LF and lone CR into CRLF.
std::string to_crlf(std::string_view text);

}  // namespace bo::mail
