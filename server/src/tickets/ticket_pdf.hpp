#pragma once
// Printable tickets: one A4 page per ticket with a QR code of its barcode, as PDF bytes.
// Each call builds its own document, so concurrent calls share no state.
#include <string>
#include <vector>

namespace bo::tickets {

struct TicketPrint {
  std::string organisation_name;
  std::string event_name;
  std::string event_when;     // already formatted in the organisation's time zone
  std::string venue;
  std::string ticket_type;
  std::string attendee_name;  // empty when not personalised
  std::string order_number;
  std::string barcode;        // encoded in the QR code, also printed as text
  std::string price;          // already formatted, e.g. "€ 89.50"
  std::string language = "en";  // of the printed labels (common/messages)
};

// TrueType fonts embedded for full UTF-8 text. When a file is missing the standard
// Helvetica fonts are used instead and characters outside Windows-1252 print as '?'.
struct TicketFonts {
  std::string regular = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
  std::string bold = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";
};

// Throws std::invalid_argument for an empty list or a ticket without barcode,
// std::runtime_error when libharu or libqrencode fails (e.g. a barcode too long for a QR code).
// Embedding the TrueType fonts costs about 30 ms of CPU per call, each ticket about 0.4 ms more,
// so render all tickets of an order in one call.
std::string render_tickets_pdf(const std::vector<TicketPrint>& tickets,
                               const TicketFonts& fonts = {});

}  // namespace bo::tickets
