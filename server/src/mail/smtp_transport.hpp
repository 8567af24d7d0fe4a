#pragma once
// SMTP delivery through libcurl: one connection per message, usable from several threads.
// Failures: a 5xx reply to RCPT TO or DATA (or 552 "too big" to MAIL FROM) is permanent. Other 5xx
// replies (greeting, AUTH, sender) point at configuration, so they are temporary like 4xx replies,
// refused connections, TLS errors and timeouts.
#include <chrono>
#include <memory>
#include <string>

#include "mail/transport.hpp"

namespace bo::mail {

// url: smtp://[user:password@]host[:port][/ehlo-domain] (STARTTLS when the server offers it) or
// smtps://... (TLS from the start). `timeout` bounds connecting and also the whole delivery.
// Throws std::invalid_argument for any other scheme.
std::unique_ptr<Transport> make_smtp_transport(const std::string& url, std::chrono::seconds timeout);

// The URL with its password replaced by "***" (smtp://user:***@host:port), safe to log.
std::string redact_url(const std::string& url);

}  // namespace bo::mail
