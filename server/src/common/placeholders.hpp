#pragma once
// `{name}` placeholders (name: a-z, 0-9, _) in customer texts: the message files and e-mail templates.
#include <map>
#include <string>
#include <string_view>

namespace bo {

// Calls on_name(begin, end) for each `{name}` in s, where [begin, end) spans the braces.
template <class F>
void each_placeholder(std::string_view s, F on_name) {
  auto name_char = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; };
  for (size_t open = s.find('{'); open != std::string_view::npos; open = s.find('{', open + 1)) {
    size_t close = open + 1;
    while (close < s.size() && name_char(s[close])) ++close;
    if (close < s.size() && s[close] == '}' && close > open + 1) on_name(open, close + 1);
  }
}

// Replaces each `{name}` that has a value; anything else stays as written. Values are not filled again.
inline std::string fill_placeholders(std::string_view s, const std::map<std::string, std::string>& values) {
  std::string out;
  size_t done = 0;
  each_placeholder(s, [&](size_t begin, size_t end) {
    auto it = values.find(std::string(s.substr(begin + 1, end - begin - 2)));
    if (it == values.end()) return;
    out.append(s.substr(done, begin - done));
    out += it->second;
    done = end;
  });
  out.append(s.substr(done));
  return out;
}

}  // namespace bo
