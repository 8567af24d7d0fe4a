#include "mcp/http_sessions.hpp"

#include <vector>

#include "common/random.hpp"

namespace bo::mcp {

std::optional<std::string> HttpSessions::open(const std::string& caller, const Session& session, int64_t now) {
  std::lock_guard lock(mu_);
  std::vector<std::map<std::string, Entry>::iterator> own;
  for (auto it = sessions_.begin(); it != sessions_.end();) {
    if (it->second.last_used + kIdleSeconds < now) {
      it = sessions_.erase(it);
      continue;
    }
    if (it->second.caller == caller) own.push_back(it);
    ++it;
  }
  if (own.size() >= kPerCaller) {
    auto oldest = own.front();
    for (auto it : own)
      if (it->second.last_used < oldest->second.last_used) oldest = it;
    sessions_.erase(oldest);
  }
  if (sessions_.size() >= kMaxSessions) return std::nullopt;
  auto id = random_token(24);
  sessions_.emplace(id, Entry{caller, session, now});
  return id;
}

std::optional<Session> HttpSessions::find(const std::string& id, const std::string& caller, int64_t now) {
  std::lock_guard lock(mu_);
  auto it = sessions_.find(id);
  if (it == sessions_.end() || it->second.caller != caller) return std::nullopt;
  if (it->second.last_used + kIdleSeconds < now) {
    sessions_.erase(it);
    return std::nullopt;
  }
  it->second.last_used = now;
  return it->second.session;
}

bool HttpSessions::close(const std::string& id, const std::string& caller) {
  std::lock_guard lock(mu_);
  auto it = sessions_.find(id);
  if (it == sessions_.end() || it->second.caller != caller) return false;
  sessions_.erase(it);
  return true;
}

bool HttpSessions::reserve_waiting_call() {
  std::lock_guard lock(mu_);
  if (waiting_calls_ >= kMaxWaitingCalls) return false;
  ++waiting_calls_;
  return true;
}

void HttpSessions::release_waiting_call() {
  std::lock_guard lock(mu_);
  --waiting_calls_;
}

std::optional<json> HttpSessions::ask(const std::string& session_id, const std::string& method, const json& params,
                                      const std::function<void(const json&)>& send, const std::function<void()>& idle,
                                      std::chrono::seconds limit) {
  const std::string id = "boxoffice-" + random_token(12);
  const std::string key = session_id + " " + id;
  {
    std::lock_guard lock(mu_);
    waiting_.emplace(key, std::nullopt);
  }
  send({{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", params}});
  auto deadline = std::chrono::steady_clock::now() + limit;
  std::unique_lock lock(mu_);
  for (;;) {
    auto slice = std::min(deadline, std::chrono::steady_clock::now() + std::chrono::seconds(20));
    if (answered_.wait_until(lock, slice, [&] { return waiting_[key].has_value(); })) break;
    if (std::chrono::steady_clock::now() >= deadline) break;
    lock.unlock();
    idle();
    lock.lock();
  }
  auto out = std::move(waiting_[key]);
  waiting_.erase(key);
  return out;
}

bool HttpSessions::answer(const std::string& session_id, const json& response) {
  if (!response.contains("id") || !response["id"].is_string()) return false;
  std::lock_guard lock(mu_);
  auto it = waiting_.find(session_id + " " + response["id"].get<std::string>());
  if (it == waiting_.end() || it->second) return false;
  it->second = response;
  answered_.notify_all();
  return true;
}

}  // namespace bo::mcp
