#include "http/metrics.hpp"

#include <fmt/format.h>

namespace bo::http {
Metrics& metrics() {
  static Metrics m;
  return m;
}

void Metrics::observe(const std::string& route, int status, double seconds) {
  std::lock_guard lock(mu_);
  auto& s = series_[route];
  for (size_t i = 0; i < kBuckets.size(); ++i)
    if (seconds <= kBuckets[i]) ++s.buckets[i];
  ++s.count;
  s.sum += seconds;
  ++s.statuses[status];
}

std::string Metrics::render() const {
  std::lock_guard lock(mu_);
  std::string out =
      "# HELP boxoffice_http_requests_total HTTP requests by route and status.\n"
      "# TYPE boxoffice_http_requests_total counter\n";
  for (const auto& [route, s] : series_)
    for (const auto& [status, n] : s.statuses)
      out += fmt::format("boxoffice_http_requests_total{{route=\"{}\",status=\"{}\"}} {}\n", route, status, n);
  out +=
      "# HELP boxoffice_http_request_duration_seconds Time to handle a request.\n"
      "# TYPE boxoffice_http_request_duration_seconds histogram\n";
  for (const auto& [route, s] : series_) {
    for (size_t i = 0; i < kBuckets.size(); ++i)
      out += fmt::format("boxoffice_http_request_duration_seconds_bucket{{route=\"{}\",le=\"{}\"}} {}\n", route,
                         kBuckets[i], s.buckets[i]);
    out += fmt::format("boxoffice_http_request_duration_seconds_bucket{{route=\"{}\",le=\"+Inf\"}} {}\n", route,
                       s.count);
    out += fmt::format("boxoffice_http_request_duration_seconds_sum{{route=\"{}\"}} {}\n", route, s.sum);
    out += fmt::format("boxoffice_http_request_duration_seconds_count{{route=\"{}\"}} {}\n", route, s.count);
  }
  return out;
}
}  // namespace bo::http
