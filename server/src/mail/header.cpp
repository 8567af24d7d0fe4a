#include "mail/header.hpp"

#include <algorithm>
#include <ctime>

#include <fmt/format.h>

#include "common/utf8.hpp"
#include "mail/encoding.hpp"

namespace bo::mail {
namespace {

constexpr std::size_t max_line = 76;
constexpr std::size_t max_plain_token = 60;
constexpr std::size_t max_word_bytes = 39;  // 52 base64 characters + 12 of "=?UTF-8?B??="

bool is_printable_ascii(std::string_view s) {
  for (const char c : s)
    if (c < 0x20 || c > 0x7E) return false;
  return true;
}

bool is_atext(char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  return std::string_view("!#$%&'*+-/=?^_`{|}~").find(c) != std::string_view::npos;
}

std::vector<std::string> split_words(std::string_view text) {
  std::vector<std::string> words;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = text.find(' ', start);
    words.emplace_back(text.substr(start, end == std::string_view::npos ? end : end - start));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return words;
}

// True when `text` is single-space separated words of printable ASCII that no decoder could
// mistake for encoded words and that fit a folded line.
bool words_can_go_verbatim(std::string_view text) {
  if (text.empty() || !is_printable_ascii(text) || text.find("=?") != std::string_view::npos) return false;
  for (const auto& word : split_words(text))
    if (word.empty() || word.size() > max_plain_token) return false;
  return true;
}

bool is_attribute_char(unsigned char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  return std::string_view("!#$&+-.^_`|~").find(static_cast<char>(c)) != std::string_view::npos;
}

}  // namespace

std::string fold_header(std::string_view name, const std::vector<std::string>& tokens) {
  std::string out(name);
  out += ':';
  std::size_t column = out.size();
  bool line_has_token = false;
  for (const auto& token : tokens) {
    if (line_has_token && column + 1 + token.size() > max_line) {
      out += "\r\n";
      column = 0;
    }
    out += ' ';
    out += token;
    column += 1 + token.size();
    line_has_token = true;
  }
  out += "\r\n";
  return out;
}

std::vector<std::string> encoded_words(std::string_view utf8) {
  std::vector<std::string> words;
  std::size_t start = 0;
  while (start < utf8.size()) {
    std::size_t end = start;
    while (end < utf8.size()) {
      const std::size_t len = std::max<std::size_t>(1, utf8_sequence_length(utf8, end));  // text is checked before
      if (end + len - start > max_word_bytes) break;
      end += len;
    }
    if (end == start) end = std::min(utf8.size(), start + max_word_bytes);
    words.push_back("=?UTF-8?B?" + base64_encode(utf8.substr(start, end - start)) + "?=");
    start = end;
  }
  return words;
}

std::vector<std::string> unstructured_tokens(std::string_view text) {
  if (text.empty()) return {};
  if (words_can_go_verbatim(text)) return split_words(text);
  return encoded_words(text);
}

std::vector<std::string> mailbox_tokens(std::string_view display_name, std::string_view address) {
  const std::string angle_addr = "<" + std::string(address) + ">";
  if (display_name.empty()) return {std::string(address)};

  std::vector<std::string> tokens;
  bool all_atoms = words_can_go_verbatim(display_name);
  for (const char c : display_name)
    if (c != ' ' && !is_atext(c)) all_atoms = false;

  if (all_atoms) {
    tokens = split_words(display_name);
  } else if (is_printable_ascii(display_name) && display_name.size() <= max_plain_token &&
             display_name.find("=?") == std::string_view::npos) {
    std::string quoted = "\"";
    for (const char c : display_name) {
      if (c == '"' || c == '\\') quoted += '\\';
      quoted += c;
    }
    tokens.push_back(quoted + "\"");
  } else {
    tokens = encoded_words(display_name);
  }
  tokens.push_back(angle_addr);
  return tokens;
}

std::vector<std::string> parameter_tokens(std::string_view name, std::string_view value) {
  const bool simple = is_printable_ascii(value) && value.find_first_of("\"\\") == std::string_view::npos &&
                      name.size() + value.size() + 3 <= max_plain_token;
  if (simple) return {fmt::format("{}=\"{}\"", name, value)};

  constexpr std::size_t max_chunk = 48;
  std::vector<std::string> chunks{""};
  for (const char ch : value) {
    const auto c = static_cast<unsigned char>(ch);
    const std::string piece = is_attribute_char(c) ? std::string(1, ch) : fmt::format("%{:02X}", c);
    if (chunks.back().size() + piece.size() > max_chunk) chunks.emplace_back();
    chunks.back() += piece;
  }
  if (chunks.size() == 1) return {fmt::format("{}*=utf-8''{}", name, chunks.front())};

  std::vector<std::string> tokens;
  for (std::size_t i = 0; i < chunks.size(); ++i) {
    if (!tokens.empty()) tokens.back() += ';';
    tokens.push_back(fmt::format("{}*{}*={}{}", name, i, i == 0 ? "utf-8''" : "", chunks[i]));
  }
  return tokens;
}

std::string rfc5322_date(std::chrono::system_clock::time_point t) {
  static constexpr const char* days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static constexpr const char* months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                           "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const std::time_t seconds = std::chrono::system_clock::to_time_t(t);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  return fmt::format("{}, {:02} {} {:04} {:02}:{:02}:{:02} +0000", days[utc.tm_wday], utc.tm_mday,
                     months[utc.tm_mon], utc.tm_year + 1900, utc.tm_hour, utc.tm_min, utc.tm_sec);
}

}  // namespace bo::mail
