#pragma once
// RFC 4180 CSV output with CRLF line ends. Every text cell that a spreadsheet would run as a formula
// (it begins with =, +, -, @, tab or carriage return) is written with an apostrophe in front; only
// numbers the server formatted itself (csv_number) are written as they are, so -12.50 stays a number.
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace bo::http {

// The text as a spreadsheet should show it: `'` + text when it would start a formula, else unchanged.
std::string neutralise_csv_text(std::string_view text);

// A cell; its text must stay alive until the row is written.
struct CsvCell {
  CsvCell(std::string_view t) : text(t) {}
  CsvCell(const std::string& t) : text(t) {}
  CsvCell(const char* t) : text(t) {}
  std::string_view text;
  bool number = false;
};
// An amount or count formatted by the server ("-12.50", "3"); anything else is still treated as text.
inline CsvCell csv_number(const std::string& formatted) {
  CsvCell c(formatted);
  c.number = true;
  return c;
}

class CsvWriter {
 public:
  void row(std::initializer_list<CsvCell> cells);
  void row(const std::vector<CsvCell>& cells);
  std::string take() { return std::move(out_); }

 private:
  void cell(const CsvCell& c, bool first);
  std::string out_;
};
}  // namespace bo::http
