#include "http/query_string.hpp"

#include <optional>

#include "common/error.hpp"
#include "common/utf8.hpp"

namespace bo::http {
namespace {
Error invalid(const std::string& what) { return Error("invalid_query", what); }

// RFC 3986: query = *( pchar / "/" / "?" ); pchar = unreserved / pct-encoded / sub-delims / ":" / "@".
bool query_char(unsigned char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  switch (c) {
    case '-': case '.': case '_': case '~':                                          // unreserved
    case '!': case '$': case '\'': case '(': case ')': case '*': case '+': case ',':  // sub-delims
    case ';': case ':': case '@': case '/': case '?': case '%':
      return true;
    default:
      return false;
  }
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::optional<std::string> decode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '+') {
      out += ' ';
    } else if (c == '%') {
      if (i + 2 >= s.size()) return std::nullopt;
      int hi = hex_value(s[i + 1]), lo = hex_value(s[i + 2]);
      if (hi < 0 || lo < 0) return std::nullopt;
      out += static_cast<char>(hi * 16 + lo);
      i += 2;
    } else {
      out += c;
    }
  }
  if (!valid_utf8(out)) return std::nullopt;
  return out;
}

std::string shown(std::string_view name) {
  std::string s(name.substr(0, 40));
  for (auto& c : s)
    if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) >= 0x7f) c = '?';
  return s;
}
}  // namespace

std::map<std::string, std::string> parse_query_string(std::string_view query) {
  std::map<std::string, std::string> out;
  size_t pos = 0;
  while (pos <= query.size()) {
    size_t end = query.find('&', pos);
    if (end == std::string_view::npos) end = query.size();
    std::string_view part = query.substr(pos, end - pos);
    pos = end + 1;
    if (part.empty()) continue;
    size_t eq = part.find('=');
    std::string_view raw_name = part.substr(0, eq), raw_value = eq == std::string_view::npos ? "" : part.substr(eq + 1);
    for (unsigned char c : part)
      if (c != '=' && !query_char(c))
        throw invalid("The query parameter " + shown(raw_name) + " has a character that must be percent-encoded.");
    auto name = decode(raw_name);
    if (!name || name->empty()) throw invalid("A query parameter has no readable name: " + shown(raw_name) + ".");
    auto value = decode(raw_value);
    if (!value) throw invalid("The value of the query parameter " + shown(*name) + " is not valid percent-encoded UTF-8.");
    if (!out.emplace(*name, std::move(*value)).second)
      throw invalid("The query parameter " + shown(*name) + " is given more than once.");
  }
  return out;
}
}  // namespace bo::http
