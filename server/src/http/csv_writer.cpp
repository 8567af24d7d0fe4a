#include "http/csv_writer.hpp"

namespace bo::http {
namespace {
bool plain_number(std::string_view v) {
  if (!v.empty() && v[0] == '-') v.remove_prefix(1);
  bool digits = false, point = false;
  for (char c : v) {
    if (c >= '0' && c <= '9') digits = true;
    else if (c == '.' && !point && digits) point = true;
    else return false;
  }
  return digits && v.back() != '.';
}
}  // namespace

std::string neutralise_csv_text(std::string_view text) {
  bool formula = !text.empty() && (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@' ||
                                   text[0] == '\t' || text[0] == '\r');
  return formula ? "'" + std::string(text) : std::string(text);
}

void CsvWriter::cell(const CsvCell& c, bool first) {
  if (!first) out_ += ',';
  std::string v = c.number && plain_number(c.text) ? std::string(c.text) : neutralise_csv_text(c.text);
  if (v.find_first_of(",\"\r\n") == std::string::npos && v.find('\'') != 0) {
    out_ += v;
    return;
  }
  out_ += '"';
  for (char ch : v) {
    if (ch == '"') out_ += '"';
    out_ += ch;
  }
  out_ += '"';
}

void CsvWriter::row(std::initializer_list<CsvCell> cells) {
  bool first = true;
  for (const auto& c : cells) {
    cell(c, first);
    first = false;
  }
  out_ += "\r\n";
}

void CsvWriter::row(const std::vector<CsvCell>& cells) {
  bool first = true;
  for (const auto& c : cells) {
    cell(c, first);
    first = false;
  }
  out_ += "\r\n";
}
}  // namespace bo::http
