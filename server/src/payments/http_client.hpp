#pragma once
// Minimal blocking HTTP client over libcurl for provider APIs: one request, one response, a hard timeout.
#include <chrono>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace bo::payments {

using HttpHeaders = std::vector<std::pair<std::string, std::string>>;

struct HttpRequest {
  std::string method = "GET";  // "POST" sends `body`; other verbs are sent without one
  std::string url;
  HttpHeaders headers;
  std::string body;
  std::chrono::milliseconds timeout{10000};
};

struct HttpResponse {
  long status = 0;          // 0 when no response arrived
  std::string body;
  std::string content_type;
  std::string error;        // transport error (connect, timeout …); empty when a response arrived
  bool timed_out = false;
};

HttpResponse http_send(const HttpRequest& request);

// RFC 3986 percent-encoding of everything but unreserved characters.
std::string url_encode(std::string_view text);
std::string form_encode(const std::vector<std::pair<std::string, std::string>>& fields);

// Case-insensitive header look-up; empty when absent.
std::string_view find_header(const HttpHeaders& headers, std::string_view name);

}  // namespace bo::payments
