#include "mail/message.hpp"

#include <stdexcept>

#include <fmt/format.h>
#include <sodium.h>

#include "common/utf8.hpp"
#include "mail/encoding.hpp"
#include "mail/header.hpp"

namespace bo::mail {
namespace {

struct Entity {
  std::string headers;  // folded header lines, each ending in CRLF
  std::string body;
};

[[noreturn]] void reject(std::string_view field, std::string_view problem) {
  throw std::invalid_argument(fmt::format("mail: {} {}", field, problem));
}

void check_text(std::string_view field, std::string_view value) {
  if (value.find_first_of("\r\n") != std::string_view::npos) reject(field, "contains a line break");
  for (const char c : value)
    if ((static_cast<unsigned char>(c) < 0x20 && c != '\t') || c == 0x7F)
      reject(field, "contains a control character");
  if (!valid_utf8(value)) reject(field, "is not valid UTF-8");
}

void check_address(std::string_view field, std::string_view value) {
  if (value.find_first_of("\r\n") != std::string_view::npos) reject(field, "contains a line break");
  if (!is_valid_address(value)) reject(field, "is not a valid e-mail address");
}

bool is_token_char(char c) {
  return c > 0x20 && c < 0x7F && std::string_view("()<>@,;:\\\"/[]?=").find(c) == std::string_view::npos;
}

bool is_valid_media_type(std::string_view type) {
  const std::size_t slash = type.find('/');
  if (slash == std::string_view::npos || slash == 0 || slash + 1 == type.size() || type.size() > 100)
    return false;
  for (std::size_t i = 0; i < type.size(); ++i)
    if (i != slash && !is_token_char(type[i])) return false;
  return true;
}

std::string random_boundary() {
  static const bool sodium_ready = sodium_init() >= 0;
  if (!sodium_ready) throw std::runtime_error("mail: libsodium could not be initialised");
  unsigned char bytes[18];
  randombytes_buf(bytes, sizeof bytes);
  std::string hex(sizeof bytes * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), bytes, sizeof bytes);
  hex.pop_back();
  // "=_" cannot occur in quoted-printable or base64 output, so the boundary never collides with content.
  return "=_bo_" + hex;
}

Entity text_part(std::string_view subtype, std::string_view text) {
  const std::string crlf_text = to_crlf(text);
  std::size_t escaped = 0;
  for (const char c : crlf_text) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x80 || c == '=' || (u < 0x20 && c != '\r' && c != '\n' && c != '\t')) ++escaped;
  }
  const bool use_base64 = escaped * 5 > crlf_text.size();
  Entity part;
  part.headers = fold_header("Content-Type", {fmt::format("text/{};", subtype), "charset=utf-8"});
  part.headers += use_base64 ? "Content-Transfer-Encoding: base64\r\n"
                             : "Content-Transfer-Encoding: quoted-printable\r\n";
  part.body = use_base64 ? base64_encode(crlf_text, 76) : quoted_printable_encode(crlf_text);
  return part;
}

std::vector<std::string> with_parameter(std::vector<std::string> tokens, std::vector<std::string> parameter) {
  for (auto& segment : parameter) {
    tokens.back() += ';';
    tokens.push_back(std::move(segment));
  }
  return tokens;
}

Entity attachment_part(const Attachment& attachment) {
  const std::string type = attachment.content_type.empty() ? "application/octet-stream" : attachment.content_type;
  Entity part;
  part.headers = fold_header("Content-Type", with_parameter({type}, parameter_tokens("name", attachment.filename)));
  part.headers += "Content-Transfer-Encoding: base64\r\n";
  part.headers += fold_header("Content-Disposition",
                              with_parameter({"attachment"}, parameter_tokens("filename", attachment.filename)));
  part.body = base64_encode(attachment.data, 76);
  return part;
}

Entity multipart(std::string_view subtype, const std::vector<Entity>& parts) {
  const std::string boundary = random_boundary();
  Entity entity;
  entity.headers = fold_header(
      "Content-Type", {fmt::format("multipart/{};", subtype), fmt::format("boundary=\"{}\"", boundary)});
  for (const auto& part : parts) {
    entity.body += "--" + boundary + "\r\n";
    entity.body += part.headers + "\r\n" + part.body + "\r\n";
  }
  entity.body += "--" + boundary + "--\r\n";
  return entity;
}

void validate(const Message& m) {
  check_text("sender name", m.from_name);
  check_address("sender address", m.from_address);
  if (!m.reply_to.empty()) check_address("reply-to address", m.reply_to);
  check_text("recipient name", m.to_name);
  check_address("recipient address", m.to_address);
  check_text("subject", m.subject);
  if (m.message_id.find_first_of("\r\n") != std::string::npos) reject("message id", "contains a line break");
  if (!is_valid_address(m.message_id)) reject("message id", "must look like left@right");
  if (!valid_utf8(m.text)) reject("text", "is not valid UTF-8");
  if (!valid_utf8(m.html)) reject("html", "is not valid UTF-8");
  for (const auto& a : m.attachments) {
    check_text("attachment filename", a.filename);
    if (a.filename.empty()) reject("attachment filename", "is empty");
    if (a.content_type.find_first_of("\r\n") != std::string::npos)
      reject("attachment content type", "contains a line break");
    if (!a.content_type.empty() && !is_valid_media_type(a.content_type))
      reject("attachment content type", "is not type/subtype");
  }
}

}  // namespace

bool is_valid_address(std::string_view address) {
  const std::size_t at = address.find('@');
  if (at == std::string_view::npos || at == 0 || at + 1 == address.size()) return false;
  if (address.find('@', at + 1) != std::string_view::npos || address.size() > 254) return false;
  for (const char c : address)
    if (c <= 0x20 || c >= 0x7F || std::string_view("<>()[]\\,;:\"").find(c) != std::string_view::npos)
      return false;
  return true;
}

RenderedMessage render(const Message& m) {
  validate(m);

  std::vector<Entity> alternatives;
  if (!m.text.empty() || m.html.empty()) alternatives.push_back(text_part("plain", m.text));
  if (!m.html.empty()) alternatives.push_back(text_part("html", m.html));
  Entity content = alternatives.size() == 1 ? alternatives.front() : multipart("alternative", alternatives);
  if (!m.attachments.empty()) {
    std::vector<Entity> parts{std::move(content)};
    for (const auto& a : m.attachments) parts.push_back(attachment_part(a));
    content = multipart("mixed", parts);
  }

  std::string data;
  data += "Date: " + rfc5322_date(m.date) + "\r\n";
  data += fold_header("From", mailbox_tokens(m.from_name, m.from_address));
  if (!m.reply_to.empty()) data += fold_header("Reply-To", {m.reply_to});
  data += fold_header("To", mailbox_tokens(m.to_name, m.to_address));
  data += fold_header("Subject", unstructured_tokens(m.subject));
  data += "Message-ID: <" + m.message_id + ">\r\n";
  data += "MIME-Version: 1.0\r\n";
  data += content.headers + "\r\n" + content.body;
  return {m.message_id, m.from_address, m.to_address, std::move(data)};
}

std::string to_rfc5322(const Message& message) { return render(message).data; }

}  // namespace bo::mail
