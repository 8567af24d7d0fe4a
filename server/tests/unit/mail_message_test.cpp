// MIME builder: headers, encoded words, folding, transfer encodings, structure and validation.
#include <gtest/gtest.h>
#include <sodium.h>

#include <functional>
#include <regex>

#include "common/utf8.hpp"
#include "mail/encoding.hpp"
#include "mail/header.hpp"
#include "mail/message.hpp"

namespace bo::mail {
namespace {

using namespace std::chrono;

Message sample() {
  Message m;
  m.from_name = "Demo Events";
  m.from_address = "tickets@demo.test";
  m.reply_to = "help@demo.test";
  m.to_address = "ada@example.test";
  m.subject = "Your tickets";
  m.text = "Hello Ada,\nyour tickets are attached.\n";
  m.html = "<p>Hello Ada,</p><p>your tickets are attached.</p>";
  m.message_id = "42.abc@boxoffice";
  m.date = sys_days{year{2025} / 3 / 4} + hours{10} + minutes{5} + seconds{9};
  return m;
}

std::vector<std::string> lines_of(const std::string& data) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < data.size()) {
    const std::size_t end = data.find("\r\n", start);
    if (end == std::string::npos) {
      lines.push_back(data.substr(start));
      break;
    }
    lines.push_back(data.substr(start, end - start));
    start = end + 2;
  }
  return lines;
}

std::string header_section(const std::string& data) { return data.substr(0, data.find("\r\n\r\n") + 2); }

// The unfolded value of a top-level header, without the "Name: " prefix.
std::string header_value(const std::string& data, const std::string& name) {
  const std::string headers = "\r\n" + header_section(data);
  std::size_t start = headers.find("\r\n" + name + ": ");
  if (start == std::string::npos) return "<missing>";
  start += 2;
  std::size_t end = headers.find("\r\n", start);
  while (end + 2 < headers.size() && headers[end + 2] == ' ') end = headers.find("\r\n", end + 2);
  std::string value = headers.substr(start + name.size() + 2, end - start - name.size() - 2);
  for (std::size_t p; (p = value.find("\r\n")) != std::string::npos;) value.erase(p, 2);
  return value;
}

std::string base64_decode(const std::string& text) {
  std::string out(text.size(), '\0');
  std::size_t length = 0;
  EXPECT_EQ(sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(), text.size(),
                              "\r\n", &length, nullptr, sodium_base64_VARIANT_ORIGINAL),
            0);
  out.resize(length);
  return out;
}

// Decodes a header value made only of B encoded words (each checked to hold whole characters).
std::string decode_words(const std::string& value) {
  static const std::regex word(R"(=\?UTF-8\?B\?([A-Za-z0-9+/=]+)\?=)");
  std::string out;
  for (std::sregex_iterator it(value.begin(), value.end(), word), end; it != end; ++it) {
    const std::string piece = base64_decode((*it)[1]);
    EXPECT_TRUE(valid_utf8(piece)) << "a character was split between encoded words";
    out += piece;
  }
  return out;
}

std::string boundary_of(const std::string& content_type_header_value) {
  static const std::regex re(R"(boundary="([^"]+)\")");
  std::smatch m;
  return std::regex_search(content_type_header_value, m, re) ? m[1].str() : "";
}

// Minimal quoted-printable decoder for round trips.
std::string qp_decode(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '=') {
      out += text[i];
    } else if (text.compare(i + 1, 2, "\r\n") == 0) {
      i += 2;
    } else {
      out += static_cast<char>(std::stoi(text.substr(i + 1, 2), nullptr, 16));
      i += 2;
    }
  }
  return out;
}

TEST(MailMessage, RendersStandardHeaders) {
  const std::string data = to_rfc5322(sample());
  const std::string headers = header_section(data);
  EXPECT_NE(headers.find("Date: Tue, 04 Mar 2025 10:05:09 +0000\r\n"), std::string::npos) << headers;
  EXPECT_NE(headers.find("From: Demo Events <tickets@demo.test>\r\n"), std::string::npos);
  EXPECT_NE(headers.find("Reply-To: help@demo.test\r\n"), std::string::npos);
  EXPECT_NE(headers.find("To: ada@example.test\r\n"), std::string::npos);
  EXPECT_NE(headers.find("Subject: Your tickets\r\n"), std::string::npos);
  EXPECT_NE(headers.find("Message-ID: <42.abc@boxoffice>\r\n"), std::string::npos);
  EXPECT_NE(headers.find("MIME-Version: 1.0\r\n"), std::string::npos);
  EXPECT_EQ(header_value(data, "Content-Type").rfind("multipart/alternative;", 0), 0u);
}

TEST(MailMessage, RenderedEnvelopeMatchesAddresses) {
  const RenderedMessage r = render(sample());
  EXPECT_EQ(r.envelope_from, "tickets@demo.test");
  EXPECT_EQ(r.envelope_to, "ada@example.test");
  EXPECT_EQ(r.message_id, "42.abc@boxoffice");
}

TEST(MailMessage, RejectsHeaderInjection) {
  const std::vector<std::pair<const char*, std::function<void(Message&, const std::string&)>>> fields = {
      {"from_name", [](Message& m, const std::string& v) { m.from_name = "Demo" + v; }},
      {"from_address", [](Message& m, const std::string& v) { m.from_address = "tickets@demo.test" + v; }},
      {"reply_to", [](Message& m, const std::string& v) { m.reply_to = "help@demo.test" + v; }},
      {"to_name", [](Message& m, const std::string& v) { m.to_name = "Ada" + v; }},
      {"to_address", [](Message& m, const std::string& v) { m.to_address = "ada@example.test" + v; }},
      {"subject", [](Message& m, const std::string& v) { m.subject = "Tickets" + v; }},
      {"message_id", [](Message& m, const std::string& v) { m.message_id = "42@boxoffice" + v; }},
      {"filename", [](Message& m, const std::string& v) { m.attachments = {{"t.pdf" + v, "application/pdf", "x"}}; }},
      {"content_type", [](Message& m, const std::string& v) { m.attachments = {{"t.pdf", "application/pdf" + v, "x"}}; }},
  };
  for (const std::string injection : {"\r\nBcc: victim@evil.test", "\nBcc: victim@evil.test", "\rX: y"}) {
    for (const auto& [name, set] : fields) {
      Message m = sample();
      set(m, injection);
      EXPECT_THROW(render(m), std::invalid_argument) << name;
    }
  }
}

TEST(MailMessage, RejectsControlCharactersAndInvalidUtf8InHeaders) {
  Message m = sample();
  m.subject = std::string("Tickets\0Bcc", 11);
  EXPECT_THROW(render(m), std::invalid_argument);
  m.subject = "Caf\xC3\x28";
  EXPECT_THROW(render(m), std::invalid_argument);
  m = sample();
  m.from_name = "\xC0\xAF overlong";
  EXPECT_THROW(render(m), std::invalid_argument);
  m = sample();
  m.text = "\xFF";
  EXPECT_THROW(render(m), std::invalid_argument);
}

TEST(MailMessage, ValidatesAddressesMinimally) {
  for (const char* good : {"a@b", "first.last+tag@sub.example.test", "o'brien@example.test"})
    EXPECT_TRUE(is_valid_address(good)) << good;
  for (const char* bad : {"", "plain", "@example.test", "ada@", "a@b@c", "ada @example.test", "ada@exa mple.test",
                          "<ada@example.test>", "ada@example.test,eve@evil.test", "j\xC3\xBCrgen@example.test"})
    EXPECT_FALSE(is_valid_address(bad)) << bad;
  Message m = sample();
  m.to_address = "not an address";
  EXPECT_THROW(render(m), std::invalid_argument);
  m = sample();
  m.message_id = "";
  EXPECT_THROW(render(m), std::invalid_argument);
}

TEST(MailMessage, EncodesNonAsciiNamesAndSubjectAsEncodedWords) {
  Message m = sample();
  m.from_name = "Zoë’s Bühne";
  m.to_name = "Jürgen Müller";
  m.subject = "Ihre Tickets für „Café Olé“ 🎫";
  const std::string data = to_rfc5322(m);
  const std::string subject = header_value(data, "Subject");
  EXPECT_EQ(subject.rfind("=?UTF-8?B?", 0), 0u) << subject;
  EXPECT_EQ(decode_words(subject), m.subject);
  const std::string from = header_value(data, "From");
  EXPECT_EQ(decode_words(from), m.from_name);
  EXPECT_NE(from.find(" <tickets@demo.test>"), std::string::npos) << from;
  EXPECT_EQ(decode_words(header_value(data, "To")), m.to_name);
}

TEST(MailMessage, FoldsLongHeadersBelow78Characters) {
  Message m = sample();
  std::string long_utf8;
  for (int i = 0; i < 60; ++i) long_utf8 += "Grüße 🎫 ";
  m.subject = long_utf8;
  m.from_name = long_utf8;
  const std::string data = to_rfc5322(m);
  for (const auto& line : lines_of(header_section(data))) EXPECT_LE(line.size(), 76u) << line;
  EXPECT_EQ(decode_words(header_value(data, "Subject")), m.subject);
  EXPECT_EQ(decode_words(header_value(data, "From")), m.from_name);

  std::string long_ascii;
  for (int i = 0; i < 40; ++i) long_ascii += "Tickets for the concert ";
  long_ascii.pop_back();
  m.subject = long_ascii;
  const std::string ascii_data = to_rfc5322(m);
  for (const auto& line : lines_of(header_section(ascii_data))) EXPECT_LE(line.size(), 76u) << line;
  EXPECT_EQ(header_value(ascii_data, "Subject"), long_ascii) << "folding must only add CRLF before a space";
}

TEST(MailMessage, AsciiSubjectsThatCouldBeMisreadAreEncoded) {
  Message m = sample();
  for (const std::string subject : {"=?UTF-8?B?Zm9v?=", "two  spaces", " leading", "tab\there"}) {
    m.subject = subject;
    const std::string value = header_value(to_rfc5322(m), "Subject");
    EXPECT_EQ(decode_words(value), subject) << value;
  }
}

TEST(MailMessage, QuotesAsciiNamesWithSpecials) {
  Message m = sample();
  m.from_name = "Demo \"Events\", Inc.";
  EXPECT_EQ(header_value(to_rfc5322(m), "From"), "\"Demo \\\"Events\\\", Inc.\" <tickets@demo.test>");
}

TEST(MailMessage, KeepsEveryLineShortAndCrlfTerminated) {
  Message m = sample();
  m.text = std::string(5000, 'x') + "\n" + std::string(3000, ' ') + "\n.leading dot\nFrom here\n";
  m.html = "<p>" + std::string(4000, 'y') + "</p>";
  std::string binary(10000, '\0');
  randombytes_buf(binary.data(), binary.size());
  m.attachments = {{"ticket.pdf", "application/pdf", binary}};
  const std::string data = to_rfc5322(m);

  for (std::size_t i = 0; i < data.size(); ++i) {
    if (data[i] == '\n') {
      ASSERT_TRUE(i > 0 && data[i - 1] == '\r') << "bare LF at " << i;
    }
    if (data[i] == '\r') {
      ASSERT_TRUE(i + 1 < data.size() && data[i + 1] == '\n') << "bare CR at " << i;
    }
  }
  ASSERT_TRUE(data.ends_with("\r\n"));
  for (const auto& line : lines_of(data)) {
    EXPECT_LE(line.size(), 998u);
    EXPECT_LE(line.size(), 76u) << line.substr(0, 80);
  }
  const std::size_t attachment = data.find("Content-Disposition: attachment");
  ASSERT_NE(attachment, std::string::npos);
  const std::size_t body = data.find("\r\n\r\n", attachment) + 4;
  const std::string encoded = data.substr(body, data.find("\r\n--", body) + 2 - body);
  auto base64_lines = lines_of(encoded);
  while (!base64_lines.empty() && base64_lines.back().empty()) base64_lines.pop_back();
  ASSERT_GT(base64_lines.size(), 100u);
  for (std::size_t i = 0; i + 1 < base64_lines.size(); ++i) EXPECT_EQ(base64_lines[i].size(), 76u);
  EXPECT_EQ(base64_decode(encoded), binary);
}

TEST(MailMessage, BoundariesAreRandomAndDifferBetweenMessages) {
  Message m = sample();
  m.attachments = {{"ticket.pdf", "application/pdf", "%PDF-1.4"}};
  const std::string first = to_rfc5322(m);
  const std::string second = to_rfc5322(m);
  const std::string outer1 = boundary_of(header_value(first, "Content-Type"));
  const std::string outer2 = boundary_of(header_value(second, "Content-Type"));
  ASSERT_GE(outer1.size(), 30u);
  EXPECT_NE(outer1, outer2);
  const std::string inner1 = boundary_of(first.substr(first.find("multipart/alternative")));
  ASSERT_FALSE(inner1.empty());
  EXPECT_NE(inner1, outer1);
}

TEST(MailMessage, StructureFollowsContent) {
  Message m = sample();
  std::string data = to_rfc5322(m);
  EXPECT_EQ(header_value(data, "Content-Type").rfind("multipart/alternative;", 0), 0u);
  EXPECT_NE(data.find("Content-Type: text/plain; charset=utf-8\r\n"), std::string::npos);
  EXPECT_NE(data.find("Content-Type: text/html; charset=utf-8\r\n"), std::string::npos);

  m.attachments = {{"ticket.pdf", "application/pdf", "%PDF-1.4"}};
  data = to_rfc5322(m);
  EXPECT_EQ(header_value(data, "Content-Type").rfind("multipart/mixed;", 0), 0u);
  EXPECT_LT(data.find("multipart/alternative"), data.find("Content-Disposition: attachment"));
  EXPECT_NE(data.find("Content-Type: application/pdf; name=\"ticket.pdf\"\r\n"), std::string::npos);
  EXPECT_NE(data.find("Content-Disposition: attachment; filename=\"ticket.pdf\"\r\n"), std::string::npos);

  m.html.clear();
  m.attachments.clear();
  data = to_rfc5322(m);
  EXPECT_EQ(header_value(data, "Content-Type"), "text/plain; charset=utf-8");
}

TEST(MailMessage, NonAsciiAttachmentNamesUseRfc2231) {
  Message m = sample();
  m.attachments = {{"Eintrittskarte Müller.pdf", "application/pdf", "%PDF"}};
  std::string data = to_rfc5322(m);
  EXPECT_NE(data.find("filename*=utf-8''Eintrittskarte%20M%C3%BCller.pdf"), std::string::npos) << data;

  m.attachments = {{"Eintrittskarten für das Konzert in der Großen Halle am Samstag.pdf", "application/pdf", "x"}};
  data = to_rfc5322(m);
  EXPECT_NE(data.find(" filename*0*=utf-8''Eintrittskarten%20f%C3%BCr"), std::string::npos) << data;
  EXPECT_NE(data.find(" filename*1*="), std::string::npos);
  for (const auto& line : lines_of(header_section(data.substr(data.find("--=_bo_", data.find("\r\n\r\n"))))))
    EXPECT_LE(line.size(), 76u) << line;
}

TEST(MailEncoding, Base64KnownVectorsAndLineWrapping) {
  EXPECT_EQ(base64_encode(""), "");
  EXPECT_EQ(base64_encode("f"), "Zg==");
  EXPECT_EQ(base64_encode("fo"), "Zm8=");
  EXPECT_EQ(base64_encode("foo"), "Zm9v");
  EXPECT_EQ(base64_encode("foobar"), "Zm9vYmFy");
  EXPECT_EQ(base64_encode(std::string(57, 'a'), 76), base64_encode(std::string(57, 'a')) + "\r\n");
  const std::string wrapped = base64_encode(std::string(100, 'a'), 76);
  EXPECT_EQ(wrapped.find("\r\n"), 76u);
  EXPECT_TRUE(wrapped.ends_with("\r\n"));
}

TEST(MailEncoding, QuotedPrintable) {
  EXPECT_EQ(quoted_printable_encode("a=b"), "a=3Db");
  EXPECT_EQ(quoted_printable_encode("end \r\nnext\t"), "end=20\r\nnext=09");
  EXPECT_EQ(quoted_printable_encode(".dot\r\nFrom me"), "=2Edot\r\n=46rom me");
  EXPECT_EQ(quoted_printable_encode("Café"), "Caf=C3=A9");
  std::string long_line;
  for (int i = 0; i < 300; ++i) long_line += i % 7 ? "é" : "a ";
  const std::string encoded = quoted_printable_encode(long_line + "\r\n" + long_line);
  for (const auto& line : lines_of(encoded)) EXPECT_LE(line.size(), 76u) << line;
  EXPECT_EQ(qp_decode(encoded), long_line + "\r\n" + long_line);
}

TEST(MailEncoding, NormalisesLineEndings) { EXPECT_EQ(to_crlf("a\nb\rc\r\nd"), "a\r\nb\r\nc\r\nd"); }

TEST(MailEncoding, Rfc5322Date) {
  EXPECT_EQ(rfc5322_date(sys_days{year{2026} / 7 / 4} + hours{18}), "Sat, 04 Jul 2026 18:00:00 +0000");
}

}  // namespace
}  // namespace bo::mail
