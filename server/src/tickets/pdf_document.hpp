#pragma once
// One libharu document with a regular and a bold font. libharu errors are recorded by the
// error handler and thrown as std::runtime_error from check() and save(); the document is
// always freed. Text must pass through encode() before it is drawn.
#include <hpdf.h>

#include <string>
#include <string_view>

#include "tickets/ticket_pdf.hpp"

namespace bo::tickets {

class PdfDocument {
 public:
  explicit PdfDocument(const TicketFonts& fonts);
  ~PdfDocument();
  PdfDocument(const PdfDocument&) = delete;
  PdfDocument& operator=(const PdfDocument&) = delete;

  HPDF_Page add_a4_page();
  HPDF_Font regular() const { return regular_; }
  HPDF_Font bold() const { return bold_; }
  bool unicode() const { return unicode_; }  // false: standard fonts in Windows-1252

  std::string encode(std::string_view utf8) const;
  void check(std::string_view step) const;
  std::string save();

 private:
  struct Error {
    HPDF_STATUS code = HPDF_OK;
    HPDF_STATUS detail = 0;
  };
  static void on_error(HPDF_STATUS code, HPDF_STATUS detail, void* user_data) noexcept;
  void load_fonts(const TicketFonts& fonts);

  Error error_;
  HPDF_Doc doc_ = nullptr;
  HPDF_Font regular_ = nullptr;
  HPDF_Font bold_ = nullptr;
  bool unicode_ = false;
};

}  // namespace bo::tickets
