#pragma once
// RFC 4180 CSV output with CRLF line ends; cells that a spreadsheet would run as a formula are
// prefixed with an apostrophe.
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace bo::http {
class CsvWriter {
 public:
  void row(std::initializer_list<std::string_view> cells);
  void row(const std::vector<std::string>& cells);
  std::string take() { return std::move(out_); }

 private:
  void cell(std::string_view v, bool first);
  std::string out_;
};
}  // namespace bo::http
