#include "mail/encoding.hpp"

#include "common/base64.hpp"

#include <array>
#include <cstdint>

namespace bo::mail {
namespace {

constexpr std::string_view hex_digits = "0123456789ABCDEF";

std::string hex_escape(unsigned char c) {
  return {'=', hex_digits[c >> 4], hex_digits[c & 0x0F]};
}

// The encoded form of byte `i` of one line (without its CRLF).
std::string qp_token(std::string_view line, std::size_t i) {
  const auto c = static_cast<unsigned char>(line[i]);
  const bool last = i + 1 == line.size();
  if (c == ' ' || c == '\t') return last ? hex_escape(c) : std::string(1, static_cast<char>(c));
  if (c < 33 || c > 126 || c == '=') return hex_escape(c);
  if (i == 0 && (c == '.' || line.starts_with("From "))) return hex_escape(c);
  return std::string(1, static_cast<char>(c));
}

void qp_encode_line(std::string_view line, std::string& out) {
  constexpr std::size_t max_line = 76;
  std::size_t column = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const std::string token = qp_token(line, i);
    const bool last = i + 1 == line.size();
    // A soft line break "=" needs one column unless this token ends the line.
    const std::size_t limit = last ? max_line : max_line - 1;
    if (column + token.size() > limit) {
      out += "=\r\n";
      column = 0;
    }
    out += token;
    column += token.size();
  }
}

}  // namespace

std::string base64_encode(std::string_view data, std::size_t line_length) {
  std::string plain = base64(data);
  if (!line_length) return plain;
  std::string out;
  out.reserve(plain.size() + plain.size() / line_length * 2 + 2);
  for (std::size_t at = 0; at < plain.size(); at += line_length) {
    out.append(plain, at, line_length);
    out += "\r\n";
  }
  return out;
}

std::string quoted_printable_encode(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = text.find("\r\n", start);
    const std::string_view line =
        text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    qp_encode_line(line, out);
    if (end == std::string_view::npos) break;
    out += "\r\n";
    start = end + 2;
  }
  return out;
}

std::string to_crlf(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 16);
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\r') {
      out += "\r\n";
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else if (c == '\n') {
      out += "\r\n";
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace bo::mail
