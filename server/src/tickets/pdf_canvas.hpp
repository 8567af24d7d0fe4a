#pragma once
// Drawing on one page of a PdfDocument, in points from the bottom-left corner. Text is UTF-8;
// fitted_text, headline and paragraph keep it inside a width by shrinking, wrapping and
// finally cutting it with an ellipsis.
#include <hpdf.h>

#include <string>
#include <string_view>
#include <vector>

#include "tickets/pdf_document.hpp"

namespace bo::tickets {

struct Rgb {
  float r = 0;
  float g = 0;
  float b = 0;
};

enum class Align { left, centre, right };

struct TextStyle {
  bool bold = false;
  float size = 10;
  Rgb colour;
  float spacing = 0;  // extra space between characters
  Align align = Align::left;
};

class Canvas {
 public:
  Canvas(const PdfDocument& document, HPDF_Page page) : document_(document), page_(page) {}

  void text(float x, float baseline, std::string_view utf8, const TextStyle& style);
  void fitted_text(float x, float baseline, float width, std::string_view utf8, TextStyle style,
                   float min_size);
  // Up to two lines, centred vertically in a box two lines of style.size high below top.
  void headline(float x, float top, float width, std::string_view utf8, TextStyle style, float min_size);
  // Any number of lines; returns the baseline of the last one.
  float paragraph(float x, float baseline, float width, std::string_view utf8, const TextStyle& style,
                  float leading);

  void rect_path(float x, float y, float width, float height);
  void rounded_rect_path(float x, float y, float width, float height, float radius);
  void circle_path(float x, float y, float radius);
  // Colours and line width apply to the paths built after them.
  void set_fill(Rgb colour);
  void set_stroke(Rgb colour, float line_width);
  void fill();
  void stroke();
  void clip();
  void save_state();
  void restore_state();
  void line(float x1, float y1, float x2, float y2, Rgb colour, float line_width);
  void dashed_line(float x1, float y1, float x2, float y2, Rgb colour);

 private:
  HPDF_Font font(const TextStyle& style) const;
  float width(const std::string& encoded, const TextStyle& style) const;
  std::size_t length(const std::string& encoded) const;
  void drop_last_character(std::string& encoded) const;
  std::string cut_to_width(std::string encoded, float width, const TextStyle& style) const;
  std::vector<std::string> wrap(const std::string& encoded, float width, const TextStyle& style) const;
  void draw_encoded(float x, float baseline, const std::string& encoded, const TextStyle& style);

  const PdfDocument& document_;
  HPDF_Page page_;
};

}  // namespace bo::tickets
