#pragma once
// How RESTinio reads a request, adjusted through its parser callbacks (ADR 0006): once the headers are in,
// a body larger than its route's limit is not kept (the request reaches dispatch marked and is answered
// 413: up to 4 MiB the body is read and dropped, a longer one is not read and the connection ends); a
// streaming route's body goes to a temporary file as it arrives, for an admin only; and the headers must
// arrive within a time limit. Include only in http/server.cpp.
#include <restinio/all.hpp>

#include <chrono>
#include <filesystem>
#include <functional>

#include "http/route_table.hpp"

namespace bo::http {
// Internal request headers set by the reader; a client's own are removed before they are set.
inline constexpr const char* kBodyHeader = "x-boxoffice-body";        // "too-large" or "not-allowed"
inline constexpr const char* kBodyFileHeader = "x-boxoffice-body-file";  // path of the streamed body

struct RequestReading {
  const RouteTable* routes = nullptr;
  // Whether the caller named in these headers may send this streaming route a body (an admin).
  std::function<bool(const restinio::http_request_header_t&, const Route&)> may_stream;
  std::filesystem::path upload_dir;
  std::chrono::seconds header_time_limit{10};
  std::chrono::seconds stale_upload_after{120};
};
// Set once before the server starts; the parser callbacks read it.
void use_request_reading(const RequestReading* reading);

// The Traits' methods mapper type: naming it selects the adjusted parser callbacks below.
struct BoxofficeHttpMethods : restinio::default_http_methods_t {};
http_parser_settings adjusted_parser_settings() noexcept;
}  // namespace bo::http

namespace restinio::impl {
template <>
inline http_parser_settings create_parser_settings<bo::http::BoxofficeHttpMethods>() noexcept {
  return bo::http::adjusted_parser_settings();
}
}  // namespace restinio::impl
