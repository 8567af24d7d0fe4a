#pragma once
// Header field building blocks (RFC 5322 folding, RFC 2047 encoded words, RFC 2231 parameters, dates).
// Inputs must already be validated: no CR, LF or other control characters, valid UTF-8.
#include <chrono>
#include <string>
#include <string_view>
#include <vector>

namespace bo::mail {

// "Name: token token\r\n", folded before a token whenever the line would pass 76 characters.
std::string fold_header(std::string_view name, const std::vector<std::string>& tokens);

// RFC 2047 B-encoded words of UTF-8 text, each at most 64 characters; a character is never split.
std::vector<std::string> encoded_words(std::string_view utf8);

// Unstructured text such as a subject: its words when they can go out verbatim, else encoded words.
std::vector<std::string> unstructured_tokens(std::string_view text);

// A mailbox: the display name (atoms, quoted string or encoded words) and "<address>",
// or the bare address when the name is empty.
std::vector<std::string> mailbox_tokens(std::string_view display_name, std::string_view address);

// One MIME parameter: name="value", or RFC 2231 name*=utf-8''... (split into continuations
// when long) when the value is not short printable ASCII. Segments after the first end the
// previous one with ';'.
std::vector<std::string> parameter_tokens(std::string_view name, std::string_view value);

// "Tue, 04 Mar 2025 10:00:00 +0000" (always UTC).
std::string rfc5322_date(std::chrono::system_clock::time_point t);

}  // namespace bo::mail
