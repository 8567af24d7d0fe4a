#pragma once
// Requests per second per caller (session, token or client address), as a token bucket held in this
// process: a brake on runaway scripts and scrapers, not an accounting. 0 turns it off.
#include <chrono>
#include <mutex>
#include <string>
#include <unordered_map>

namespace bo::http {
class RateLimiter {
 public:
  explicit RateLimiter(double per_second = 0) : rate_(per_second), burst_(per_second * 10) {}
  bool allow(const std::string& key);

 private:
  struct Bucket {
    double tokens;
    std::chrono::steady_clock::time_point at;
  };
  double rate_, burst_;
  std::mutex mu_;
  std::unordered_map<std::string, Bucket> buckets_;
};
}  // namespace bo::http
