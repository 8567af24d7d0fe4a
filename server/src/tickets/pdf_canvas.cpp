#include "tickets/pdf_canvas.hpp"

#include <algorithm>

namespace bo::tickets {

namespace {

constexpr float kappa = 0.5523f;  // control point distance for a quarter circle of radius 1

std::vector<std::string> split_words(const std::string& text) {
  std::vector<std::string> words;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = std::min(text.find(' ', start), text.size());
    if (end > start) words.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return words;
}

}  // namespace

HPDF_Font Canvas::font(const TextStyle& style) const {
  return style.bold ? document_.bold() : document_.regular();
}

std::size_t Canvas::length(const std::string& encoded) const {
  if (!document_.unicode()) return encoded.size();
  return static_cast<std::size_t>(std::count_if(encoded.begin(), encoded.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

float Canvas::width(const std::string& encoded, const TextStyle& style) const {
  if (encoded.empty()) return 0;
  const HPDF_TextWidth measured = HPDF_Font_TextWidth(
      font(style), reinterpret_cast<const HPDF_BYTE*>(encoded.data()), static_cast<HPDF_UINT>(encoded.size()));
  return static_cast<float>(measured.width) * style.size / 1000 +
         style.spacing * static_cast<float>(length(encoded) - 1);
}

void Canvas::drop_last_character(std::string& encoded) const {
  if (document_.unicode()) {
    while (!encoded.empty() && (static_cast<unsigned char>(encoded.back()) & 0xC0) == 0x80) encoded.pop_back();
  }
  if (!encoded.empty()) encoded.pop_back();
}

std::string Canvas::cut_to_width(std::string encoded, float max_width, const TextStyle& style) const {
  if (width(encoded, style) <= max_width) return encoded;
  const std::string ellipsis = document_.encode("…");
  while (!encoded.empty()) {
    drop_last_character(encoded);
    while (!encoded.empty() && encoded.back() == ' ') encoded.pop_back();
    if (width(encoded + ellipsis, style) <= max_width) break;
  }
  return encoded + ellipsis;
}

std::vector<std::string> Canvas::wrap(const std::string& encoded, float max_width, const TextStyle& style) const {
  std::vector<std::string> lines;
  for (const std::string& word : split_words(encoded)) {
    if (!lines.empty() && width(lines.back() + ' ' + word, style) <= max_width) {
      lines.back() += ' ' + word;
    } else {
      lines.push_back(word);
    }
  }
  return lines;
}

void Canvas::draw_encoded(float x, float baseline, const std::string& encoded, const TextStyle& style) {
  if (encoded.empty()) return;
  const float shift = style.align == Align::left     ? 0
                      : style.align == Align::centre ? width(encoded, style) / 2
                                                     : width(encoded, style);
  HPDF_Page_BeginText(page_);
  HPDF_Page_SetFontAndSize(page_, font(style), style.size);
  HPDF_Page_SetCharSpace(page_, style.spacing);
  HPDF_Page_SetRGBFill(page_, style.colour.r, style.colour.g, style.colour.b);
  HPDF_Page_TextOut(page_, x - shift, baseline, encoded.c_str());
  HPDF_Page_EndText(page_);
}

void Canvas::text(float x, float baseline, std::string_view utf8, const TextStyle& style) {
  draw_encoded(x, baseline, document_.encode(utf8), style);
}

void Canvas::fitted_text(float x, float baseline, float max_width, std::string_view utf8, TextStyle style,
                         float min_size) {
  const std::string encoded = document_.encode(utf8);
  while (style.size > min_size && width(encoded, style) > max_width) style.size = std::max(min_size, style.size - 0.5f);
  draw_encoded(x, baseline, cut_to_width(encoded, max_width, style), style);
}

void Canvas::headline(float x, float top, float max_width, std::string_view utf8, TextStyle style,
                      float min_size) {
  constexpr float cap_height = 0.73f;
  constexpr float line_spacing = 1.15f;
  const std::string encoded = document_.encode(utf8);
  const float box_height = style.size * (cap_height + line_spacing);
  const float full_size = style.size;
  while (style.size > full_size * 0.85f && width(encoded, style) > max_width) style.size -= 0.5f;
  if (width(encoded, style) <= max_width) {
    draw_encoded(x, top - box_height / 2 - style.size * cap_height / 2, encoded, style);
    return;
  }

  style.size = full_size;
  std::vector<std::string> lines = wrap(encoded, max_width, style);
  auto fits = [&] {
    return lines.size() <= 2 && std::all_of(lines.begin(), lines.end(), [&](const std::string& line) {
             return width(line, style) <= max_width;
           });
  };
  while (style.size > min_size && !fits()) {
    style.size = std::max(min_size, style.size - 1);
    lines = wrap(encoded, max_width, style);
  }
  while (lines.size() > 2) {
    lines[lines.size() - 2] += ' ' + lines.back();
    lines.pop_back();
  }
  const float used = style.size * (cap_height + line_spacing * static_cast<float>(lines.size() - 1));
  float baseline = top - (box_height - used) / 2 - style.size * cap_height;
  for (const std::string& line : lines) {
    draw_encoded(x, baseline, cut_to_width(line, max_width, style), style);
    baseline -= style.size * line_spacing;
  }
}

float Canvas::paragraph(float x, float baseline, float max_width, std::string_view utf8, const TextStyle& style,
                        float leading) {
  const std::vector<std::string> lines = wrap(document_.encode(utf8), max_width, style);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i > 0) baseline -= leading;
    draw_encoded(x, baseline, cut_to_width(lines[i], max_width, style), style);
  }
  return baseline;
}

void Canvas::rect_path(float x, float y, float width, float height) { HPDF_Page_Rectangle(page_, x, y, width, height); }

void Canvas::rounded_rect_path(float x, float y, float w, float h, float r) {
  const float k = r * kappa;
  HPDF_Page_MoveTo(page_, x + r, y);
  HPDF_Page_LineTo(page_, x + w - r, y);
  HPDF_Page_CurveTo(page_, x + w - r + k, y, x + w, y + r - k, x + w, y + r);
  HPDF_Page_LineTo(page_, x + w, y + h - r);
  HPDF_Page_CurveTo(page_, x + w, y + h - r + k, x + w - r + k, y + h, x + w - r, y + h);
  HPDF_Page_LineTo(page_, x + r, y + h);
  HPDF_Page_CurveTo(page_, x + r - k, y + h, x, y + h - r + k, x, y + h - r);
  HPDF_Page_LineTo(page_, x, y + r);
  HPDF_Page_CurveTo(page_, x, y + r - k, x + r - k, y, x + r, y);
  HPDF_Page_ClosePath(page_);
}

void Canvas::circle_path(float x, float y, float radius) { HPDF_Page_Circle(page_, x, y, radius); }

void Canvas::set_fill(Rgb colour) { HPDF_Page_SetRGBFill(page_, colour.r, colour.g, colour.b); }

void Canvas::set_stroke(Rgb colour, float line_width) {
  HPDF_Page_SetRGBStroke(page_, colour.r, colour.g, colour.b);
  HPDF_Page_SetLineWidth(page_, line_width);
}

void Canvas::fill() { HPDF_Page_Fill(page_); }

void Canvas::stroke() { HPDF_Page_Stroke(page_); }

void Canvas::clip() {
  HPDF_Page_Clip(page_);
  HPDF_Page_EndPath(page_);
}

void Canvas::save_state() { HPDF_Page_GSave(page_); }

void Canvas::restore_state() { HPDF_Page_GRestore(page_); }

void Canvas::line(float x1, float y1, float x2, float y2, Rgb colour, float line_width) {
  set_stroke(colour, line_width);
  HPDF_Page_MoveTo(page_, x1, y1);
  HPDF_Page_LineTo(page_, x2, y2);
  stroke();
}

void Canvas::dashed_line(float x1, float y1, float x2, float y2, Rgb colour) {
  constexpr HPDF_UINT16 pattern[] = {4, 3};
  save_state();
  HPDF_Page_SetDash(page_, pattern, 2, 0);
  line(x1, y1, x2, y2, colour, 1);
  restore_state();
}

}  // namespace bo::tickets
