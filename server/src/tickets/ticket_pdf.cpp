#include "tickets/ticket_pdf.hpp"

#include <stdexcept>
#include <string_view>

#include "common/messages.hpp"
#include "tickets/pdf_canvas.hpp"
#include "tickets/pdf_document.hpp"
#include "tickets/qr_code.hpp"

namespace bo::tickets {

namespace {

constexpr float mm = 72.0f / 25.4f;
constexpr float page_width = 210 * mm;
constexpr float page_height = 297 * mm;

constexpr Rgb ink{0.11f, 0.12f, 0.16f};
constexpr Rgb muted{0.42f, 0.45f, 0.50f};
constexpr Rgb hairline{0.80f, 0.82f, 0.86f};
constexpr Rgb band{0.12f, 0.10f, 0.30f};
constexpr Rgb band_text{0.74f, 0.72f, 0.90f};
constexpr Rgb accent{0.96f, 0.38f, 0.27f};
constexpr Rgb panel{0.96f, 0.96f, 0.97f};
constexpr Rgb white{1, 1, 1};

constexpr float margin = 32;
constexpr float padding = 24;
constexpr float card_left = margin;
constexpr float card_right = page_width - margin;
constexpr float card_width = card_right - card_left;
constexpr float card_top = page_height - margin;
constexpr float card_radius = 12;
constexpr float band_height = 108;
constexpr float band_bottom = card_top - band_height;
constexpr float perforation_y = band_bottom - 168;
constexpr float stub_height = 204;
constexpr float card_bottom = perforation_y - stub_height;
constexpr float notch_radius = 9;
constexpr float qr_symbol_size = 45 * mm;
constexpr int qr_quiet_modules = 4;

struct Field {
  std::string_view label;
  std::string_view value;
  Rgb colour = ink;
};

void card_outline(Canvas& canvas) {
  canvas.rounded_rect_path(card_left, card_bottom, card_width, card_top - card_bottom, card_radius);
}

void notches(Canvas& canvas) {
  canvas.circle_path(card_left, perforation_y, notch_radius);
  canvas.circle_path(card_right, perforation_y, notch_radius);
}

void draw_card(Canvas& canvas) {
  canvas.save_state();
  card_outline(canvas);
  canvas.clip();
  canvas.set_fill(band);
  canvas.rect_path(card_left, band_bottom, card_width, band_height);
  canvas.fill();
  canvas.set_fill(accent);
  canvas.rect_path(card_left, band_bottom - 4, card_width, 4);
  canvas.fill();
  canvas.restore_state();

  canvas.set_stroke(hairline, 0.8f);
  card_outline(canvas);
  canvas.stroke();
  canvas.set_fill(white);
  notches(canvas);
  canvas.fill();
  canvas.save_state();
  card_outline(canvas);
  canvas.clip();
  notches(canvas);
  canvas.stroke();
  canvas.restore_state();
  canvas.dashed_line(card_left + notch_radius + 6, perforation_y, card_right - notch_radius - 6, perforation_y,
                     hairline);
}

void draw_header(Canvas& canvas, const TicketPrint& ticket) {
  const float left = card_left + padding;
  const float width = card_width - 2 * padding;
  const float baseline = card_top - 28;
  canvas.fitted_text(left, baseline, width - 90, ticket.organisation_name,
                     {.bold = true, .size = 10, .colour = band_text, .spacing = 0.8f}, 7);
  canvas.text(card_right - padding, baseline, "E-TICKET",
              {.bold = true, .size = 9, .colour = accent, .spacing = 2.5f, .align = Align::right});
  canvas.headline(left, card_top - 40, width, ticket.event_name, {.bold = true, .size = 26, .colour = white}, 15);
}

void draw_field(Canvas& canvas, float x, float baseline, float width, const Field& field, float size) {
  canvas.text(x, baseline, field.label, {.size = 7, .colour = muted, .spacing = 1.2f});
  canvas.fitted_text(x, baseline - size - 6, width, field.value, {.bold = true, .size = size, .colour = field.colour},
                     size - 3);
}

std::string_view attendee_or_placeholder(const TicketPrint& ticket) {
  return ticket.attendee_name.empty() ? std::string_view(message(ticket.language, "pdf.not_personalised")) : ticket.attendee_name;
}

void draw_details(Canvas& canvas, const TicketPrint& ticket) {
  const float left = card_left + padding;
  const float column = (card_width - 2 * padding) / 2;
  const float width = column - 16;
  const Rgb name_colour = ticket.attendee_name.empty() ? muted : ink;
  float row = band_bottom - 32;
  draw_field(canvas, left, row, width, {message(ticket.language, "pdf.date_time"), ticket.event_when}, 13);
  draw_field(canvas, left + column, row, width, {message(ticket.language, "pdf.venue"), ticket.venue}, 13);
  row -= 46;
  draw_field(canvas, left, row, width, {message(ticket.language, "pdf.ticket_type"), ticket.ticket_type}, 13);
  draw_field(canvas, left + column, row, width, {message(ticket.language, "pdf.price"), ticket.price}, 13);
  row -= 46;
  draw_field(canvas, left, row, width, {message(ticket.language, "pdf.name"), attendee_or_placeholder(ticket), name_colour}, 13);
  draw_field(canvas, left + column, row, width, {message(ticket.language, "pdf.order"), ticket.order_number}, 13);
}

float qr_total_size(const QrCode& code) {
  return qr_symbol_size * static_cast<float>(code.size() + 2 * qr_quiet_modules) / static_cast<float>(code.size());
}

void draw_qr(Canvas& canvas, const QrCode& code, float left, float top) {
  const float module = qr_symbol_size / static_cast<float>(code.size());
  const float origin_x = left + qr_quiet_modules * module;
  const float origin_y = top - qr_quiet_modules * module;
  canvas.set_fill(ink);
  for (int y = 0; y < code.size(); ++y) {
    for (int x = 0; x < code.size();) {
      if (!code.dark(x, y)) {
        ++x;
        continue;
      }
      int run = 1;
      while (x + run < code.size() && code.dark(x + run, y)) ++run;
      canvas.rect_path(origin_x + static_cast<float>(x) * module, origin_y - static_cast<float>(y + 1) * module,
                       static_cast<float>(run) * module, module);
      x += run;
    }
  }
  canvas.fill();
}

void draw_stub(Canvas& canvas, const TicketPrint& ticket, const QrCode& code) {
  const float total = qr_total_size(code);
  const float qr_left = card_left + 12;
  draw_qr(canvas, code, qr_left, perforation_y - (stub_height - total) / 2);

  const float left = qr_left + total + 12;
  const float width = card_right - padding - left;
  float y = perforation_y - 44;
  canvas.text(left, y, message(ticket.language, "pdf.admit_one"), {.bold = true, .size = 8, .colour = accent, .spacing = 2.5f});
  y -= 28;
  canvas.fitted_text(left, y, width, ticket.ticket_type, {.bold = true, .size = 20, .colour = ink}, 12);
  y -= 22;
  canvas.fitted_text(left, y, width, attendee_or_placeholder(ticket),
                     {.size = 12, .colour = ticket.attendee_name.empty() ? muted : ink}, 9);
  y -= 40;
  canvas.text(left, y, message(ticket.language, "pdf.ticket_code"), {.size = 7, .colour = muted, .spacing = 1.2f});
  y -= 16;
  canvas.fitted_text(left, y, width, ticket.barcode, {.size = 11, .colour = ink, .spacing = 1}, 6);
  y -= 16;
  canvas.text(left, y, message(ticket.language, "pdf.scan"), {.size = 8, .colour = muted});
}

void draw_notes(Canvas& canvas, const TicketPrint& ticket, std::size_t number, std::size_t count) {
  const std::string_view notes[] = {message(ticket.language, "pdf.note_show"), message(ticket.language, "pdf.note_once"),
                                     message(ticket.language, "pdf.note_keep")};
  const float box_top = card_bottom - 24;
  constexpr float box_height = 128;
  canvas.set_fill(panel);
  canvas.rounded_rect_path(card_left, box_top - box_height, card_width, box_height, card_radius);
  canvas.fill();
  const float left = card_left + padding;
  const float width = card_width - 2 * padding;
  float y = box_top - 30;
  canvas.text(left, y, message(ticket.language, "pdf.good_to_know"), {.bold = true, .size = 11, .colour = ink});
  for (std::string_view note : notes) {
    y -= 22;
    canvas.set_fill(accent);
    canvas.rect_path(left, y + 2.5f, 4, 4);
    canvas.fill();
    y = canvas.paragraph(left + 14, y, width - 14, note, {.size = 9, .colour = muted}, 12);
  }

  canvas.line(card_left, margin + 14, card_right, margin + 14, hairline, 0.6f);
  canvas.fitted_text(card_left, margin, card_width - 90, ticket.organisation_name + "  ·  " + message(ticket.language, "pdf.footer_order", {{"number", ticket.order_number}}),
                     {.size = 8, .colour = muted}, 6);
  canvas.text(card_right, margin,
              message(ticket.language, "pdf.ticket_of", {{"n", std::to_string(number)}, {"count", std::to_string(count)}}),
              {.size = 8, .colour = muted, .align = Align::right});
}

}  // namespace

std::string render_tickets_pdf(const std::vector<TicketPrint>& tickets, const TicketFonts& fonts) {
  if (tickets.empty()) throw std::invalid_argument("ticket PDF: no tickets to render");
  for (const TicketPrint& ticket : tickets) {
    if (ticket.barcode.empty()) throw std::invalid_argument("ticket PDF: ticket without barcode");
  }
  PdfDocument document(fonts);
  for (std::size_t i = 0; i < tickets.size(); ++i) {
    const QrCode code(tickets[i].barcode);
    Canvas canvas(document, document.add_a4_page());
    draw_card(canvas);
    draw_header(canvas, tickets[i]);
    draw_details(canvas, tickets[i]);
    draw_stub(canvas, tickets[i], code);
    draw_notes(canvas, tickets[i], i + 1, tickets.size());
    document.check("drawing a ticket");
  }
  return document.save();
}

}  // namespace bo::tickets
