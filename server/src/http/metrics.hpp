#pragma once
// Request counters and latency histograms per route, rendered in Prometheus text format.
#include <array>
#include <map>
#include <mutex>
#include <string>

namespace bo::http {
class Metrics {
 public:
  void observe(const std::string& route, int status, double seconds);
  std::string render() const;

 private:
  static constexpr std::array<double, 10> kBuckets{0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5};
  struct Series {
    std::array<uint64_t, kBuckets.size()> buckets{};
    uint64_t count = 0;
    double sum = 0;
    std::map<int, uint64_t> statuses;
  };
  mutable std::mutex mu_;
  std::map<std::string, Series> series_;
};
Metrics& metrics();
}  // namespace bo::http
