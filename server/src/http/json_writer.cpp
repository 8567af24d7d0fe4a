#include "http/json_writer.hpp"

#include <array>
#include <charconv>

#include "common/time.hpp"
#include "common/utf8.hpp"

namespace bo::http {
void JsonWriter::comma() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (!open_.empty()) {
    if (!open_.back().first) out_ += ',';
    open_.back().first = false;
  }
}

JsonWriter& JsonWriter::object() {
  comma();
  out_ += '{';
  open_.push_back({'}', true});
  return *this;
}

JsonWriter& JsonWriter::array() {
  comma();
  out_ += '[';
  open_.push_back({']', true});
  return *this;
}

JsonWriter& JsonWriter::end() {
  out_ += open_.back().close;
  open_.pop_back();
  return *this;
}

JsonWriter& JsonWriter::key(std::string_view k) {
  str(k);
  out_ += ':';
  after_key_ = true;
  return *this;
}

// Escapes as the rest of the API does: quotes, backslashes and control characters; bytes that are not
// UTF-8 become U+FFFD.
JsonWriter& JsonWriter::str(std::string_view s) {
  comma();
  out_ += '"';
  static constexpr char hex[] = "0123456789abcdef";
  static constexpr auto plain = [] {
    std::array<bool, 256> t{};
    for (int c = 0x20; c < 0x80; ++c) t[static_cast<size_t>(c)] = c != '"' && c != '\\';
    return t;
  }();
  for (size_t i = 0; i < s.size();) {
    size_t run = i;  // plain ASCII goes out in one piece
    while (run < s.size() && plain[static_cast<unsigned char>(s[run])]) ++run;
    out_.append(s.data() + i, run - i);
    if ((i = run) == s.size()) break;
    auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      size_t n = utf8_sequence_length(s, i);
      if (n == 0) {
        out_ += "\xEF\xBF\xBD";
        ++i;
      } else {
        out_.append(s.data() + i, n);
        i += n;
      }
      continue;
    }
    switch (c) {
      case '"': out_ += "\\\""; break;
      case '\\': out_ += "\\\\"; break;
      case '\n': out_ += "\\n"; break;
      case '\r': out_ += "\\r"; break;
      case '\t': out_ += "\\t"; break;
      case '\b': out_ += "\\b"; break;
      case '\f': out_ += "\\f"; break;
      default:
        if (c < 0x20) {
          out_ += "\\u00";
          out_ += hex[c >> 4];
          out_ += hex[c & 0xF];
        } else {
          out_ += static_cast<char>(c);
        }
    }
    ++i;
  }
  out_ += '"';
  return *this;
}

JsonWriter& JsonWriter::num(int64_t n) {
  comma();
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof buf, n);
  out_.append(buf, r.ptr);
  return *this;
}

JsonWriter& JsonWriter::boolean(bool b) {
  comma();
  out_ += b ? "true" : "false";
  return *this;
}

JsonWriter& JsonWriter::null() {
  comma();
  out_ += "null";
  return *this;
}

JsonWriter& JsonWriter::time(std::optional<int64_t> seconds) { return seconds ? str(iso_utc(*seconds)) : null(); }

JsonWriter& JsonWriter::strings(const std::vector<std::string>& v) {
  array();
  for (const auto& s : v) str(s);
  return end();
}

JsonWriter& JsonWriter::string_map(const std::map<std::string, std::string>& m) {
  object();
  for (const auto& [k, v] : m) field(k, v);
  return end();
}

JsonWriter& JsonWriter::ids(const std::vector<int64_t>& v) {
  array();
  for (auto n : v) num(n);
  return end();
}

}  // namespace bo::http
