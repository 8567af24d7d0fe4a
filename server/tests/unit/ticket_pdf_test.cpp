#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>
#include <stdexcept>
#include <string>
#include <sys/wait.h>
#include <thread>
#include <vector>

#include "tickets/pdf_text.hpp"
#include "tickets/ticket_pdf.hpp"
#include "temp_dir.hpp"

namespace fs = std::filesystem;
using bo::tickets::render_tickets_pdf;
using bo::tickets::TicketFonts;
using bo::tickets::TicketPrint;

namespace {

struct CommandResult {
  int status = -1;
  std::string output;
};

CommandResult run(const std::string& command) {
  CommandResult result;
  FILE* pipe = popen((command + " 2>/dev/null").c_str(), "r");
  if (pipe == nullptr) return result;
  char buffer[4096];
  std::size_t read = 0;
  while ((read = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) result.output.append(buffer, read);
  const int status = pclose(pipe);
  result.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

std::string quoted(const fs::path& path) {
  std::string out = "'";
  for (char c : path.string()) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

TicketPrint ticket(std::string type, std::string attendee, std::string barcode) {
  return {.organisation_name = "Nordlicht Events GmbH",
          .event_name = "Nordlicht Open Air 2027",
          .event_when = "Sat 4 July 2027, 14:00",
          .venue = "Stadtpark Freilichtbühne, Hamburg",
          .ticket_type = std::move(type),
          .attendee_name = std::move(attendee),
          .order_number = "BO-2027-00042",
          .barcode = std::move(barcode),
          .price = "€ 89.50"};
}

std::vector<TicketPrint> three_tickets() {
  return {ticket("Weekend Pass", "Jürgen Groß", "NL27-7F3K-9QX2-A1"),
          ticket("VIP Day Ticket", "Zoë Łukasiewicz", "NL27-2M8D-LP4Z-B2"),
          ticket("Camping Add-on", "", "NL27-Q9W3-ZT6H-C3")};
}

fs::path write_pdf(const TempDir& dir, const std::string& bytes) {
  const fs::path file = dir.path() / "tickets.pdf";
  std::ofstream(file, std::ios::binary) << bytes;
  return file;
}

// The text of one page with every run of white space as a single space, as a reader sees it.
std::string page_text(const fs::path& pdf, int page) {
  const auto n = std::to_string(page);
  const std::string raw = run("pdftotext -enc UTF-8 -f " + n + " -l " + n + " " + quoted(pdf) + " -").output;
  std::string text;
  for (char c : raw) {
    const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\f' || c == '\r';
    if (!space) {
      text += c;
    } else if (!text.empty() && text.back() != ' ') {
      text += ' ';
    }
  }
  return text;
}

std::vector<fs::path> render_pngs(const fs::path& pdf, const fs::path& dir, int dpi) {
  run("pdftoppm -r " + std::to_string(dpi) + " -png " + quoted(pdf) + " " + quoted(dir / "page"));
  std::vector<fs::path> pages;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() == ".png") pages.push_back(entry.path());
  }
  std::sort(pages.begin(), pages.end());
  return pages;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST(TicketPdf, OnePagePerTicketWithItsDetails) {
  TempDir dir;
  const auto tickets = three_tickets();
  const fs::path pdf = write_pdf(dir, render_tickets_pdf(tickets));

  const CommandResult info = run("pdfinfo " + quoted(pdf));
  ASSERT_EQ(info.status, 0);
  EXPECT_TRUE(std::regex_search(info.output, std::regex("\nPages: +3\n"))) << info.output;
  EXPECT_TRUE(contains(info.output, "A4")) << info.output;

  for (int page = 1; page <= 3; ++page) {
    const std::string text = page_text(pdf, page);
    const TicketPrint& expected = tickets[static_cast<std::size_t>(page - 1)];
    SCOPED_TRACE("page " + std::to_string(page) + ":\n" + text);
    EXPECT_TRUE(contains(text, "Nordlicht Open Air 2027"));
    EXPECT_TRUE(contains(text, "Sat 4 July 2027, 14:00"));
    EXPECT_TRUE(contains(text, "Stadtpark Freilichtbühne, Hamburg"));
    EXPECT_TRUE(contains(text, expected.ticket_type));
    EXPECT_TRUE(contains(text, "BO-2027-00042"));
    EXPECT_TRUE(contains(text, "€ 89.50"));
    EXPECT_TRUE(contains(text, expected.barcode));
    EXPECT_TRUE(contains(text, "Ticket " + std::to_string(page) + " of 3"));
  }
  EXPECT_TRUE(contains(page_text(pdf, 1), "Jürgen Groß"));
  EXPECT_TRUE(contains(page_text(pdf, 2), "Zoë Łukasiewicz"));
  EXPECT_FALSE(contains(page_text(pdf, 1), "Zoë"));
  EXPECT_FALSE(contains(page_text(pdf, 2), "Jürgen"));
  EXPECT_TRUE(contains(page_text(pdf, 3), "Not personalised"));
  EXPECT_FALSE(contains(page_text(pdf, 2), "Not personalised"));
}

TEST(TicketPdf, EachPageScansToItsOwnBarcode) {
  TempDir dir;
  const auto tickets = three_tickets();
  const fs::path pdf = write_pdf(dir, render_tickets_pdf(tickets));

  const auto pages = render_pngs(pdf, dir.path(), 150);
  ASSERT_EQ(pages.size(), 3u);
  for (std::size_t i = 0; i < pages.size(); ++i) {
    const CommandResult scan = run("zbarimg -q --raw " + quoted(pages[i]));
    EXPECT_EQ(scan.status, 0) << pages[i];
    EXPECT_EQ(scan.output, tickets[i].barcode + "\n") << pages[i];
  }
}

TEST(TicketPdf, EmptyListIsRejected) {
  EXPECT_THROW(render_tickets_pdf({}), std::invalid_argument);
}

TEST(TicketPdf, TicketWithoutBarcodeIsRejected) {
  auto tickets = three_tickets();
  tickets[1].barcode.clear();
  EXPECT_THROW(render_tickets_pdf(tickets), std::invalid_argument);
}

TEST(TicketPdf, BarcodeTooLongForQrCodeIsAnError) {
  auto tickets = three_tickets();
  tickets[0].barcode = std::string(4000, 'X');
  EXPECT_THROW(render_tickets_pdf(tickets), std::runtime_error);
}

TEST(TicketPdf, MissingFontFallsBackToHelvetica) {
  TempDir dir;
  const TicketFonts missing{.regular = (dir.path() / "none.ttf").string(), .bold = (dir.path() / "none-bold.ttf").string()};
  const auto tickets = three_tickets();
  const fs::path pdf = write_pdf(dir, render_tickets_pdf(tickets, missing));

  EXPECT_TRUE(contains(run("pdffonts " + quoted(pdf)).output, "Helvetica"));
  EXPECT_TRUE(contains(page_text(pdf, 1), "Jürgen Groß"));
  EXPECT_TRUE(contains(page_text(pdf, 1), "€ 89.50"));
  EXPECT_TRUE(contains(page_text(pdf, 2), "Zoë ?ukasiewicz"));
  const auto pages = render_pngs(pdf, dir.path(), 150);
  ASSERT_EQ(pages.size(), 3u);
  EXPECT_EQ(run("zbarimg -q --raw " + quoted(pages[1])).output, tickets[1].barcode + "\n");
}

TEST(TicketPdf, OverlongAndUnusualTextStillRenders) {
  TempDir dir;
  auto tickets = three_tickets();
  tickets[0].event_name = "The Extraordinarily Long Midsummer Night Electronic Music and Arts Gathering "
                          "by the Lake, Second Edition, With Many Special Guests";
  tickets[0].venue = "Großer Festplatz am Nordufer des Sees, Eingang Süd beim alten Bootshaus, 12345 Irgendwo";
  tickets[0].attendee_name = "Maximiliane Theodora Wilhelmina von Hohenberg-Schönau 🎉";
  tickets[0].organisation_name = std::string("Bad \xff\xfe bytes\n and ") + "李小龍";
  const fs::path pdf = write_pdf(dir, render_tickets_pdf(tickets));

  const std::string text = page_text(pdf, 1);
  EXPECT_TRUE(contains(text, "The Extraordinarily Long")) << text;
  EXPECT_TRUE(contains(text, "Maximiliane")) << text;
  EXPECT_TRUE(contains(text, "…")) << text;
  const auto pages = render_pngs(pdf, dir.path(), 150);
  ASSERT_EQ(pages.size(), 3u);
  EXPECT_EQ(run("zbarimg -q --raw " + quoted(pages[0])).output, tickets[0].barcode + "\n");
}

TEST(TicketPdf, ConcurrentCallsProduceTheSameDocument) {
  const auto tickets = three_tickets();
  const std::string expected = render_tickets_pdf(tickets);
  ASSERT_EQ(expected.rfind("%PDF-", 0), 0u);

  std::vector<std::string> results(4);
  std::vector<std::thread> threads;
  for (auto& result : results) {
    threads.emplace_back([&result, &tickets] { result = render_tickets_pdf(tickets); });
  }
  for (auto& thread : threads) thread.join();
  for (const auto& result : results) EXPECT_TRUE(result == expected);
}

TEST(PdfText, SanitizeKeepsValidUtf8AndReplacesTheRest) {
  using bo::tickets::sanitize_utf8;
  EXPECT_EQ(sanitize_utf8("Zoë Łukasiewicz € 李"), "Zoë Łukasiewicz € 李");
  EXPECT_EQ(sanitize_utf8("a\xff" "b"), "a\uFFFD" "b");
  EXPECT_EQ(sanitize_utf8("cut \xc3"), "cut \uFFFD");
  EXPECT_EQ(sanitize_utf8("\xc0\xaf"), "\uFFFD\uFFFD");
  EXPECT_EQ(sanitize_utf8("\xed\xa0\x80"), "\uFFFD\uFFFD\uFFFD");
  EXPECT_EQ(sanitize_utf8("party 🎉"), "party \uFFFD");
  EXPECT_EQ(sanitize_utf8("line\nbreak\ttab"), "line break tab");
}

TEST(PdfText, Cp1252KeepsWesternCharacters) {
  using bo::tickets::utf8_to_cp1252;
  EXPECT_EQ(utf8_to_cp1252("Jürgen Groß"), "J\xFCrgen Gro\xDF");
  EXPECT_EQ(utf8_to_cp1252("€ 89.50 – Œuvre"), "\x80 89.50 \x96 \x8Cuvre");
  EXPECT_EQ(utf8_to_cp1252("Zoë Łukasiewicz"), "Zo\xEB ?ukasiewicz");
  EXPECT_EQ(utf8_to_cp1252("李 \xff"), "? ?");
}
