#pragma once
// The sessions of the Streamable HTTP transport, kept in this process: what an initialize settled for
// one API token. A session ends after an hour unused, on DELETE, or when its token opens more than
// kPerCaller (the oldest goes). A tool call that asks the person (elicitation) waits here for the
// client's POST that carries the answer.
#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>

#include "mcp/session.hpp"

namespace bo::mcp {

class HttpSessions {
 public:
  static constexpr int64_t kIdleSeconds = 3600;
  static constexpr size_t kMaxSessions = 10000, kPerCaller = 20;
  static constexpr int kMaxWaitingCalls = 32;  // calls that hold a thread while the person answers

  // Keeps an initialized session of `caller`; its id, or nullopt when the server holds too many.
  std::optional<std::string> open(const std::string& caller, const Session& session, int64_t now);
  // A copy of the session for one message, when it exists for this caller and was used lately.
  std::optional<Session> find(const std::string& id, const std::string& caller, int64_t now);
  bool close(const std::string& id, const std::string& caller);

  // A place for one more waiting call; false when kMaxWaitingCalls already wait.
  bool reserve_waiting_call();
  void release_waiting_call();
  // Sends a request to the client through `send` and waits for its answer; `idle` runs every 20 s of
  // waiting (to keep the stream alive). nullopt when no answer came within `limit`.
  std::optional<json> ask(const std::string& session_id, const std::string& method, const json& params,
                          const std::function<void(const json&)>& send, const std::function<void()>& idle,
                          std::chrono::seconds limit);
  // Hands a client's response to the call that waits for it; false when none does.
  bool answer(const std::string& session_id, const json& response);

 private:
  struct Entry {
    std::string caller;
    Session session;
    int64_t last_used;
  };
  std::mutex mu_;
  std::condition_variable answered_;
  std::map<std::string, Entry> sessions_;
  std::map<std::string, std::optional<json>> waiting_;  // session id + " " + request id → its answer
  int waiting_calls_ = 0;
};

}  // namespace bo::mcp
