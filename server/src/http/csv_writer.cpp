#include "http/csv_writer.hpp"

namespace bo::http {
void CsvWriter::cell(std::string_view v, bool first) {
  if (!first) out_ += ',';
  bool formula = !v.empty() && (v[0] == '=' || v[0] == '+' || v[0] == '@' || v[0] == '\t' || v[0] == '\r' ||
                                (v[0] == '-' && v.size() > 1 && !(v[1] >= '0' && v[1] <= '9')));
  bool quote = formula || v.find_first_of(",\"\r\n") != std::string_view::npos;
  if (!quote) {
    out_ += v;
    return;
  }
  out_ += '"';
  if (formula) out_ += '\'';
  for (char c : v) {
    if (c == '"') out_ += '"';
    out_ += c;
  }
  out_ += '"';
}
void CsvWriter::row(std::initializer_list<std::string_view> cells) {
  bool first = true;
  for (auto c : cells) {
    cell(c, first);
    first = false;
  }
  out_ += "\r\n";
}
void CsvWriter::row(const std::vector<std::string>& cells) {
  bool first = true;
  for (const auto& c : cells) {
    cell(c, first);
    first = false;
  }
  out_ += "\r\n";
}
}  // namespace bo::http
