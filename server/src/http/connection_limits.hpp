#pragma once
// Open connections per client address (RESTinio's IP blocker and connection state listener in one), so that
// one address cannot hold every connection the server takes. Include only in http/server.cpp.
#include <restinio/all.hpp>

#include <functional>
#include <mutex>
#include <string>
#include <unordered_map>

namespace bo::http {
class ConnectionLimits {
 public:
  // `exempt`: addresses without a cap (trusted proxies, which carry many clients' connections).
  ConnectionLimits(size_t per_address, std::function<bool(const std::string&)> exempt)
      : per_address_(per_address), exempt_(std::move(exempt)) {}

  restinio::ip_blocker::inspection_result_t inspect(const restinio::ip_blocker::incoming_info_t& info) noexcept {
    try {
      auto address = info.remote_endpoint().address().to_string();
      std::lock_guard lock(mu_);
      if (per_address_ == 0 || exempt_(address)) return restinio::ip_blocker::allow();
      auto it = open_.find(address);
      return it != open_.end() && it->second >= per_address_ ? restinio::ip_blocker::deny()
                                                             : restinio::ip_blocker::allow();
    } catch (...) {
      return restinio::ip_blocker::deny();
    }
  }

  void state_changed(const restinio::connection_state::notice_t& notice) noexcept {
    try {
      std::lock_guard lock(mu_);
      if (restinio::holds_alternative<restinio::connection_state::accepted_t>(notice.cause())) {
        auto address = notice.remote_endpoint().address().to_string();
        if (by_connection_.emplace(notice.connection_id(), address).second) ++open_[address];
      } else if (restinio::holds_alternative<restinio::connection_state::closed_t>(notice.cause())) {
        auto it = by_connection_.find(notice.connection_id());
        if (it == by_connection_.end()) return;
        if (auto o = open_.find(it->second); o != open_.end() && --o->second == 0) open_.erase(o);
        by_connection_.erase(it);
      }
    } catch (...) {
    }
  }

 private:
  size_t per_address_;
  std::function<bool(const std::string&)> exempt_;
  std::mutex mu_;
  std::unordered_map<std::string, size_t> open_;
  std::unordered_map<restinio::connection_id_t, std::string> by_connection_;
};
}  // namespace bo::http
