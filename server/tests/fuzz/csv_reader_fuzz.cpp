// libFuzzer target: reads every record of arbitrary bytes and aborts when a reader invariant breaks.
#include "imports/csv_reader.hpp"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

namespace {

void require(bool condition, const char* what) {
  if (condition) return;
  std::fprintf(stderr, "invariant broken: %s\n", what);
  std::abort();
}

// Decodes code point by code point, independently of the reader's validator.
bool reference_utf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto lead = static_cast<unsigned char>(text[i]);
    std::size_t length = lead < 0x80 ? 1 : lead >> 5 == 0x6 ? 2 : lead >> 4 == 0xE ? 3 : lead >> 3 == 0x1E ? 4 : 0;
    if (length == 0 || i + length > text.size()) return false;
    std::uint32_t code = length == 1 ? lead : lead & (0x7F >> length);
    for (std::size_t k = 1; k < length; ++k) {
      const auto c = static_cast<unsigned char>(text[i + k]);
      if ((c & 0xC0) != 0x80) return false;
      code = (code << 6) | (c & 0x3F);
    }
    static constexpr std::uint32_t smallest[] = {0, 0, 0x80, 0x800, 0x10000};
    if (code < smallest[length] || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return false;
    i += length;
  }
  return true;
}

std::size_t count_lines(std::string_view text) {
  std::size_t lines = 1;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n'))) ++lines;
  }
  return lines;
}

std::string quote_all(const std::vector<std::string_view>& fields, char delimiter) {
  std::string out;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out += delimiter;
    out += '"';
    for (char c : fields[i]) {
      if (c == '"') out += '"';
      out += c;
    }
    out += '"';
  }
  return out + "\r\n";
}

void check_round_trip(const bo::csv::Record& record, char delimiter) {
  const std::string encoded = quote_all(record.fields(), delimiter);
  bo::csv::Reader again(encoded, delimiter);
  bo::csv::Record copy;
  require(again.next(copy), "re-encoded record is readable");
  require(copy.ok(), "re-encoded record parses cleanly");
  require(copy.fields() == record.fields(), "re-encoded record has the same fields");
  require(!again.next(copy), "re-encoded record is a single record");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  bo::csv::Reader reader(input);
  require(reader.delimiter() == ',' || reader.delimiter() == ';', "detected delimiter");
  require(reader.size() == size, "size is the input size");
  const std::size_t lines = count_lines(input);
  bo::csv::Record record;
  std::size_t last_line = 0, last_position = reader.position();
  while (reader.next(record)) {
    require(record.line() > last_line, "records start on increasing lines");
    require(record.line() <= lines, "line number exists");
    require(reader.position() > last_position, "position advances");
    require(reader.position() <= size, "position within input");
    last_line = record.line();
    last_position = reader.position();
    if (record.ok()) {
      require(record.size() >= 1, "a record has a field");
      require(record.error_field() == 0, "no error field when ok");
      for (auto field : record.fields()) require(reference_utf8(field), "fields are valid UTF-8");
      check_round_trip(record, reader.delimiter());
    } else {
      require(!record.error_message().empty(), "error has a message");
      require(record.error_field() >= 1 && record.error_field() <= record.size() + 1,
              "error field index in range");
      if (record.error() == bo::csv::Error::invalid_utf8) {
        require(!reference_utf8(record[record.error_field() - 1]), "reported field is invalid");
      }
    }
  }
  require(reader.position() == size, "position ends at size");
  require(!reader.next(record), "end of input stays at end");
  return 0;
}
