#pragma once
// An e-mail to send and its rendering as an RFC 5322 / MIME message (CRLF line endings).
// render() and to_rfc5322() throw std::invalid_argument for anything that would be unsafe to put
// on the wire: CR/LF or other control characters in headers, invalid addresses or UTF-8.
#include <chrono>
#include <string>
#include <string_view>
#include <vector>

namespace bo::mail {

struct Attachment {
  std::string filename;      // UTF-8; non-ASCII names go out per RFC 2231
  std::string content_type;  // "type/subtype"; empty means application/octet-stream
  std::string data;          // raw bytes
};

struct Message {
  std::string from_name;     // UTF-8 display name, may be empty
  std::string from_address;  // tickets@demo.test
  std::string reply_to;      // optional address
  std::string to_name;       // optional UTF-8 display name
  std::string to_address;
  std::string subject;  // UTF-8
  std::string text;     // UTF-8 plain-text part
  std::string html;     // UTF-8 HTML part, may be empty
  std::vector<Attachment> attachments;
  std::string message_id;  // without angle brackets, e.g. "42.abc@boxoffice"; keep it stable across retries
  std::chrono::system_clock::time_point date = std::chrono::system_clock::now();
};

// What a transport needs: envelope addresses and the exact bytes to deliver.
struct RenderedMessage {
  std::string message_id;
  std::string envelope_from;
  std::string envelope_to;
  std::string data;  // complete message, CRLF line endings
};

// Validates and renders; MIME boundaries are random, so two renderings differ in them only.
RenderedMessage render(const Message& message);
std::string to_rfc5322(const Message& message);

// Minimal check: one '@' with text on both sides, printable ASCII, no spaces or address specials.
bool is_valid_address(std::string_view address);

}  // namespace bo::mail
