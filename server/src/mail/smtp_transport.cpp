#include "mail/smtp_transport.hpp"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <stdexcept>

#include <curl/curl.h>
#include <fmt/format.h>

namespace bo::mail {
namespace {

bool starts_with_ci(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() &&
         std::equal(prefix.begin(), prefix.end(), s.begin(),
                    [](char p, char c) { return std::tolower(static_cast<unsigned char>(c)) == p; });
}

bool curl_ready() {
  static const bool ready = curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK;
  return ready;
}

struct Upload {
  std::string_view data;
  std::size_t position = 0;
};

std::size_t read_upload(char* buffer, std::size_t size, std::size_t count, void* user) {
  auto* upload = static_cast<Upload*>(user);
  const std::size_t n = std::min(size * count, upload->data.size() - upload->position);
  std::memcpy(buffer, upload->data.data() + upload->position, n);
  upload->position += n;
  return n;
}

// The SMTP dialogue as curl reports it. After a refusal curl still says QUIT, so the first
// 4xx/5xx reply is kept together with the command it answered.
struct Dialogue {
  std::string last_command;
  std::string reply;
  bool reply_complete = true;
  std::string refused_command;
  std::string refusal;
  long refusal_code = 0;

  void command_sent(std::string_view line) {
    static constexpr std::string_view verbs[] = {"EHLO", "HELO", "STARTTLS", "AUTH", "MAIL",
                                                 "RCPT", "DATA", "RSET", "QUIT", "NOOP"};
    std::string verb(line.substr(0, line.find_first_of(" :\r\n")));
    std::transform(verb.begin(), verb.end(), verb.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    // Any other line answers an AUTH challenge and may carry credentials: never keep it.
    last_command = std::find(std::begin(verbs), std::end(verbs), verb) != std::end(verbs) ? verb : "AUTH";
    // curl carries on after some refusals (EHLO falls back to HELO); only a farewell keeps one.
    if (last_command != "QUIT" && last_command != "RSET") {
      refused_command.clear();
      refusal.clear();
      refusal_code = 0;
    }
  }

  void reply_line(std::string_view line) {
    while (!line.empty() && (line.back() == '\r' || line.back() == '\n')) line.remove_suffix(1);
    if (line.empty()) return;
    if (reply_complete) reply.clear();
    // Continuation lines look like "550-text"; the last one like "550 text".
    if (reply.empty()) {
      reply = std::string(line);
    } else {
      reply += ' ';
      reply += line.size() > 4 ? line.substr(4) : std::string_view{};
    }
    reply_complete = line.size() <= 3 || line[3] != '-';
    if (reply_complete && refusal.empty() && (reply[0] == '4' || reply[0] == '5')) {
      refused_command = last_command;
      refusal = reply;
      refusal_code = std::strtol(reply.substr(0, 3).c_str(), nullptr, 10);
    }
  }
};

int on_debug(CURL*, curl_infotype type, char* data, std::size_t size, void* user) {
  auto* dialogue = static_cast<Dialogue*>(user);
  std::string_view chunk(data, size);
  if (type == CURLINFO_HEADER_OUT) {
    dialogue->command_sent(chunk);  // only the verb is kept: AUTH lines carry credentials
  } else if (type == CURLINFO_HEADER_IN) {
    while (!chunk.empty()) {
      const std::size_t end = chunk.find('\n');
      const std::size_t length = end == std::string_view::npos ? chunk.size() : end + 1;
      dialogue->reply_line(chunk.substr(0, length));
      chunk.remove_prefix(length);
    }
  }
  return 0;
}

bool is_permanent(long code, const std::string& command) {
  if (code < 500 || code > 599) return false;
  return command == "RCPT" || command == "DATA" || (command == "MAIL" && code == 552);
}

struct EasyHandle {
  CURL* curl = curl_easy_init();
  curl_slist* recipients = nullptr;
  ~EasyHandle() {
    curl_slist_free_all(recipients);
    if (curl) curl_easy_cleanup(curl);
  }
};

// A password never crosses the network in clear text: with credentials, smtp:// must upgrade to TLS
// (STARTTLS) unless the server is on this machine.
bool must_use_tls(const std::string& url) {
  auto scheme_end = url.find("://");
  auto authority = url.substr(scheme_end == std::string::npos ? 0 : scheme_end + 3);
  authority = authority.substr(0, authority.find('/'));
  auto at = authority.rfind('@');
  if (at == std::string::npos) return false;
  auto host = authority.substr(at + 1);
  return !(host.rfind("127.", 0) == 0 || host.rfind("localhost", 0) == 0 || host.rfind("[::1]", 0) == 0);
}

class SmtpTransport final : public Transport {
 public:
  SmtpTransport(std::string url, std::chrono::seconds timeout) : url_(std::move(url)), timeout_(timeout) {}

  SendResult deliver(const RenderedMessage& message) override {
    if (!curl_ready()) return {false, false, "libcurl could not be initialised"};
    EasyHandle h;
    if (!h.curl) return {false, false, "libcurl could not create a handle"};
    h.recipients = curl_slist_append(nullptr, ("<" + message.envelope_to + ">").c_str());
    const std::string mail_from = "<" + message.envelope_from + ">";
    const bool implicit_tls = starts_with_ci(url_, "smtps://");
    Upload upload{message.data};
    Dialogue dialogue;
    char error_buffer[CURL_ERROR_SIZE] = {};

    curl_easy_setopt(h.curl, CURLOPT_URL, url_.c_str());
    curl_easy_setopt(h.curl, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
    curl_easy_setopt(h.curl, CURLOPT_USE_SSL,
                     implicit_tls || must_use_tls(url_) ? CURLUSESSL_ALL : CURLUSESSL_TRY);
    curl_easy_setopt(h.curl, CURLOPT_MAIL_FROM, mail_from.c_str());
    curl_easy_setopt(h.curl, CURLOPT_MAIL_RCPT, h.recipients);
    curl_easy_setopt(h.curl, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(h.curl, CURLOPT_READFUNCTION, read_upload);
    curl_easy_setopt(h.curl, CURLOPT_READDATA, &upload);
    curl_easy_setopt(h.curl, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(message.data.size()));
    curl_easy_setopt(h.curl, CURLOPT_CONNECTTIMEOUT, static_cast<long>(timeout_.count()));
    curl_easy_setopt(h.curl, CURLOPT_TIMEOUT, static_cast<long>(timeout_.count()));
    curl_easy_setopt(h.curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(h.curl, CURLOPT_ERRORBUFFER, error_buffer);
    // The debug callback is how libcurl shares the server's reply text; VERBOSE enables it.
    curl_easy_setopt(h.curl, CURLOPT_DEBUGFUNCTION, on_debug);
    curl_easy_setopt(h.curl, CURLOPT_DEBUGDATA, &dialogue);
    curl_easy_setopt(h.curl, CURLOPT_VERBOSE, 1L);

    const CURLcode rc = curl_easy_perform(h.curl);
    if (rc == CURLE_OK) return {true, false, {}};

    long code = 0;
    curl_easy_getinfo(h.curl, CURLINFO_RESPONSE_CODE, &code);
    const std::string curl_error = error_buffer[0] ? error_buffer : curl_easy_strerror(rc);
    if (!dialogue.refusal.empty()) {
      const std::string& command = dialogue.refused_command;
      return {false, is_permanent(dialogue.refusal_code, command),
              fmt::format("server refused {}: {}", command.empty() ? "the connection" : command, dialogue.refusal)};
    }
    if (code >= 400 && code <= 599)
      return {false, is_permanent(code, dialogue.last_command), fmt::format("{} ({})", curl_error, code)};
    return {false, false, fmt::format("{} ({})", curl_error, redact_url(url_))};
  }

 private:
  std::string url_;
  std::chrono::seconds timeout_;
};

}  // namespace

std::unique_ptr<Transport> make_smtp_transport(const std::string& url, std::chrono::seconds timeout) {
  if (!starts_with_ci(url, "smtp://") && !starts_with_ci(url, "smtps://"))
    throw std::invalid_argument("mail: SMTP URL must start with smtp:// or smtps://");
  if (timeout.count() <= 0) throw std::invalid_argument("mail: SMTP timeout must be positive");
  return std::make_unique<SmtpTransport>(url, timeout);
}

std::string redact_url(const std::string& url) {
  const std::size_t scheme_end = url.find("://");
  const std::size_t start = scheme_end == std::string::npos ? 0 : scheme_end + 3;
  // The last '@' ends the user part even when an unescaped password contains '@' or '/'.
  const std::size_t at = url.rfind('@');
  if (at == std::string::npos || at < start) return url;
  const std::size_t colon = url.find(':', start);
  if (colon == std::string::npos || colon > at) return url;
  return url.substr(0, colon + 1) + "***" + url.substr(at);
}

}  // namespace bo::mail
