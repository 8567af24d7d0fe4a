#include "tickets/pdf_document.hpp"

#include <fmt/format.h>

#include <fstream>
#include <stdexcept>

#include "tickets/pdf_text.hpp"

namespace bo::tickets {

namespace {

bool readable(const std::string& path) { return std::ifstream(path, std::ios::binary).good(); }

}  // namespace

PdfDocument::PdfDocument(const TicketFonts& fonts) : doc_(HPDF_New(&PdfDocument::on_error, &error_)) {
  if (doc_ == nullptr) throw std::runtime_error("PDF: cannot create a libharu document");
  try {
    HPDF_SetCompressionMode(doc_, HPDF_COMP_ALL);
    HPDF_SetInfoAttr(doc_, HPDF_INFO_CREATOR, "Boxoffice");
    HPDF_SetInfoAttr(doc_, HPDF_INFO_TITLE, "Tickets");
    load_fonts(fonts);
    check("document setup");
  } catch (...) {
    HPDF_Free(doc_);
    throw;
  }
}

PdfDocument::~PdfDocument() { HPDF_Free(doc_); }

void PdfDocument::on_error(HPDF_STATUS code, HPDF_STATUS detail, void* user_data) noexcept {
  auto* error = static_cast<Error*>(user_data);
  if (error->code != HPDF_OK) return;
  error->code = code;
  error->detail = detail;
}

void PdfDocument::load_fonts(const TicketFonts& fonts) {
  unicode_ = readable(fonts.regular) && readable(fonts.bold);
  if (!unicode_) {
    regular_ = HPDF_GetFont(doc_, "Helvetica", "WinAnsiEncoding");
    bold_ = HPDF_GetFont(doc_, "Helvetica-Bold", "WinAnsiEncoding");
    return;
  }
  HPDF_UseUTFEncodings(doc_);
  const char* regular_name = HPDF_LoadTTFontFromFile(doc_, fonts.regular.c_str(), HPDF_TRUE);
  const char* bold_name = HPDF_LoadTTFontFromFile(doc_, fonts.bold.c_str(), HPDF_TRUE);
  check("loading the TrueType fonts");
  regular_ = HPDF_GetFont(doc_, regular_name, "UTF-8");
  bold_ = HPDF_GetFont(doc_, bold_name, "UTF-8");
}

HPDF_Page PdfDocument::add_a4_page() {
  HPDF_Page page = HPDF_AddPage(doc_);
  HPDF_Page_SetSize(page, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
  check("adding a page");
  return page;
}

std::string PdfDocument::encode(std::string_view utf8) const {
  return unicode_ ? sanitize_utf8(utf8) : utf8_to_cp1252(utf8);
}

void PdfDocument::check(std::string_view step) const {
  if (error_.code == HPDF_OK) return;
  throw std::runtime_error(fmt::format("PDF: libharu error 0x{:04X} (detail {}) while {}",
                                       error_.code, error_.detail, step));
}

std::string PdfDocument::save() {
  check("drawing");
  HPDF_SaveToStream(doc_);
  check("saving");
  std::string bytes(HPDF_GetStreamSize(doc_), '\0');
  auto size = static_cast<HPDF_UINT32>(bytes.size());
  HPDF_ReadFromStream(doc_, reinterpret_cast<HPDF_BYTE*>(bytes.data()), &size);
  check("reading the saved stream");
  bytes.resize(size);
  return bytes;
}

}  // namespace bo::tickets
