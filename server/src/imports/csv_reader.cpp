// Single forward pass over the input; each byte is classified through a 256-entry table.
#include "imports/csv_reader.hpp"

#include <cstring>

#include "common/utf8.hpp"

namespace bo::csv {
namespace {

constexpr std::string_view bom = "\xEF\xBB\xBF";
constexpr std::uint8_t stops_unquoted = 1;  // delimiter, quote, CR, LF
constexpr std::uint8_t stops_quoted = 2;    // quote, CR, LF

bool is_line_break(char c) { return c == '\r' || c == '\n'; }
}  // namespace

std::string_view message(Error error) noexcept {
  switch (error) {
    case Error::none: return "";
    case Error::unterminated_quote: return "unterminated quoted field";
    case Error::stray_quote: return "quote character inside unquoted field";
    case Error::text_after_quote: return "text after closing quote";
    case Error::invalid_utf8: return "invalid UTF-8";
  }
  return "unknown error";
}

char detect_delimiter(std::string_view input) noexcept {
  if (input.starts_with(bom)) input.remove_prefix(bom.size());
  std::size_t i = 0;
  while (i < input.size() && is_line_break(input[i])) ++i;
  std::size_t commas = 0, semicolons = 0;
  bool quoted = false;
  for (; i < input.size(); ++i) {
    const char c = input[i];
    if (c == '"') {
      quoted = !quoted;
    } else if (!quoted) {
      if (c == ',') ++commas;
      else if (c == ';') ++semicolons;
      else if (is_line_break(c)) break;
    }
  }
  return semicolons > commas ? ';' : ',';
}

std::string normalize_header(std::string_view name) {
  constexpr std::string_view space = " \t\r\n\f\v";
  const auto first = name.find_first_not_of(space);
  if (first == std::string_view::npos) return {};
  name = name.substr(first, name.find_last_not_of(space) - first + 1);
  std::string out(name);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

Reader::Reader(std::string_view input) : Reader(input, detect_delimiter(input)) {}

Reader::Reader(std::string_view input, char delimiter) : input_(input), delimiter_(delimiter) {
  if (input_.starts_with(bom)) pos_ = bom.size();
  for (unsigned char c : {'"', '\r', '\n'}) classes_[c] = stops_unquoted | stops_quoted;
  classes_[static_cast<unsigned char>(delimiter_)] |= stops_unquoted;
}

bool Reader::next(Record& record) {
  record.fields_.clear();
  record.owned_.clear();
  record.storage_.clear();
  record.error_ = Error::none;
  record.error_field_ = 0;
  skip_blank_lines();
  if (pos_ >= input_.size()) {
    record.line_ = 0;
    return false;
  }
  record.line_ = line_;
  while (read_field(record)) {
    if (pos_ == input_.size()) break;
    if (input_[pos_] == delimiter_) {
      ++pos_;
      continue;
    }
    consume_line_break();
    break;
  }
  for (const auto& owned : record.owned_) {
    record.fields_[owned.index] = {record.storage_.data() + owned.offset, owned.length};
  }
  return true;
}

bool Reader::read_field(Record& record) {
  if (pos_ < input_.size() && input_[pos_] == '"') return read_quoted(record);
  return read_unquoted(record);
}

bool Reader::read_unquoted(Record& record) {
  const auto data = reinterpret_cast<const unsigned char*>(input_.data());
  const std::size_t end = input_.size(), start = pos_;
  unsigned char seen = 0;
  std::size_t i = pos_;
  for (; i < end; ++i) {
    const unsigned char c = data[i];
    if (classes_[c] & stops_unquoted) break;
    seen |= c;
  }
  pos_ = i;
  if (i < end && data[i] == '"') {
    fail(record, Error::stray_quote);
    skip_rest_of_line();
    return false;
  }
  add_field(record, input_.substr(start, i - start), seen & 0x80);
  return true;
}

bool Reader::read_quoted(Record& record) {
  const auto data = reinterpret_cast<const unsigned char*>(input_.data());
  const std::size_t end = input_.size(), opening = pos_, opening_line = line_;
  const std::size_t start = ++pos_;
  unsigned char seen = 0;
  bool escaped = false;
  for (;;) {
    std::size_t i = pos_;
    for (; i < end; ++i) {
      const unsigned char c = data[i];
      if (classes_[c] & stops_quoted) break;
      seen |= c;
    }
    pos_ = i;
    if (i == end) {
      fail(record, Error::unterminated_quote);
      pos_ = opening;
      line_ = opening_line;
      skip_rest_of_line();
      return false;
    }
    if (data[i] != '"') {
      consume_line_break();
    } else if (i + 1 < end && data[i + 1] == '"') {
      escaped = true;
      pos_ += 2;
    } else {
      break;
    }
  }
  const std::string_view raw = input_.substr(start, pos_ - start);
  ++pos_;
  if (pos_ < end && input_[pos_] != delimiter_ && !is_line_break(input_[pos_])) {
    fail(record, Error::text_after_quote);
    skip_rest_of_line();
    return false;
  }
  if (!escaped) {
    add_field(record, raw, seen & 0x80);
    return true;
  }
  auto& storage = record.storage_;
  const std::size_t offset = storage.size();
  storage.resize(offset + raw.size());
  char* out = storage.data() + offset;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    *out++ = raw[i];
    if (raw[i] == '"') ++i;
  }
  const std::size_t length = static_cast<std::size_t>(out - (storage.data() + offset));
  storage.resize(offset + length);
  record.owned_.push_back({record.fields_.size(), offset, length});
  add_field(record, raw, seen & 0x80);
  return true;
}

void Reader::add_field(Record& record, std::string_view field, bool non_ascii) {
  if (non_ascii && record.ok() && !valid_utf8(field)) {
    record.error_ = Error::invalid_utf8;
    record.error_field_ = record.fields_.size() + 1;
  }
  record.fields_.push_back(field);
}

void Reader::fail(Record& record, Error error) {
  record.error_ = error;
  record.error_field_ = record.fields_.size() + 1;
}

void Reader::consume_line_break() {
  if (input_[pos_] == '\r' && pos_ + 1 < input_.size() && input_[pos_ + 1] == '\n') ++pos_;
  ++pos_;
  ++line_;
}

void Reader::skip_blank_lines() {
  while (pos_ < input_.size() && is_line_break(input_[pos_])) consume_line_break();
}

void Reader::skip_rest_of_line() {
  while (pos_ < input_.size() && !is_line_break(input_[pos_])) ++pos_;
  if (pos_ < input_.size()) consume_line_break();
}

}  // namespace bo::csv
