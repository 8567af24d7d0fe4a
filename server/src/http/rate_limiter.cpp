#include "http/rate_limiter.hpp"

#include <algorithm>

namespace bo::http {
bool RateLimiter::allow(const std::string& key) {
  if (rate_ <= 0) return true;
  auto now = std::chrono::steady_clock::now();
  std::lock_guard lock(mu_);
  if (buckets_.size() > 100000) buckets_.clear();
  auto [it, fresh] = buckets_.try_emplace(key, Bucket{burst_, now});
  auto& b = it->second;
  b.tokens = std::min(burst_, b.tokens + std::chrono::duration<double>(now - b.at).count() * rate_);
  b.at = now;
  if (b.tokens < 1) return false;
  b.tokens -= 1;
  return true;
}
}  // namespace bo::http
