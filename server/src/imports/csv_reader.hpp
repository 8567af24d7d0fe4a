#pragma once
// Streaming RFC 4180 reader over a CSV file held in memory by the caller: next() yields one record
// at a time; problems are reported on the record, never thrown, and reading resumes at the next line.
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/utf8.hpp"

namespace bo::csv {

enum class Error : std::uint8_t {
  none,
  unterminated_quote,
  stray_quote,
  text_after_quote,
  invalid_utf8,
};

// Short English description, e.g. "unterminated quoted field".
std::string_view message(Error error) noexcept;

// One record. Field views point into the input or into this record's own buffer, and stay valid
// until the record is passed to next() again (moving the record keeps them valid).
class Record {
 public:
  Record() = default;
  Record(const Record&) = delete;
  Record& operator=(const Record&) = delete;
  Record(Record&&) noexcept = default;
  Record& operator=(Record&&) noexcept = default;

  const std::vector<std::string_view>& fields() const noexcept { return fields_; }
  std::size_t size() const noexcept { return fields_.size(); }
  std::string_view operator[](std::size_t i) const noexcept { return fields_[i]; }

  // 1-based physical line on which the record starts.
  std::size_t line() const noexcept { return line_; }

  bool ok() const noexcept { return error_ == Error::none; }
  Error error() const noexcept { return error_; }
  std::string_view error_message() const noexcept { return message(error_); }
  // 1-based index of the offending field, 0 when ok. After a quoting error, fields() holds only
  // the fields before the offending one; after invalid UTF-8 it holds the whole record.
  std::size_t error_field() const noexcept { return error_field_; }

 private:
  friend class Reader;
  struct Owned {
    std::size_t index;
    std::size_t offset;
    std::size_t length;
  };

  std::vector<std::string_view> fields_;
  std::vector<Owned> owned_;
  std::vector<char> storage_;
  std::size_t line_ = 0;
  std::size_t error_field_ = 0;
  Error error_ = Error::none;
};

class Reader {
 public:
  // Delimiter ',' or ';' is detected from the header line.
  explicit Reader(std::string_view input);
  // delimiter: any single byte except '"', CR and LF.
  Reader(std::string_view input, char delimiter);

  // Reads the next non-blank record; false at end of input.
  bool next(Record& record);

  char delimiter() const noexcept { return delimiter_; }
  // Bytes of the input consumed so far (a leading BOM counts as consumed); equals size() at the end.
  std::size_t position() const noexcept { return pos_; }
  std::size_t size() const noexcept { return input_.size(); }

 private:
  bool read_field(Record& record);
  bool read_unquoted(Record& record);
  bool read_quoted(Record& record);
  void add_field(Record& record, std::string_view field, bool non_ascii);
  void fail(Record& record, Error error);
  void consume_line_break();
  void skip_blank_lines();
  void skip_rest_of_line();

  std::string_view input_;
  std::size_t pos_ = 0;
  std::size_t line_ = 1;
  char delimiter_;
  std::array<std::uint8_t, 256> classes_{};
};

// ';' if the header line (first non-blank line) has more ';' than ',' outside quotes, else ','.
char detect_delimiter(std::string_view input) noexcept;

using ::bo::valid_utf8;

// Header name for matching: surrounding whitespace trimmed, ASCII letters lowercased.
std::string normalize_header(std::string_view name);

}  // namespace bo::csv
