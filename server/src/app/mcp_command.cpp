// `boxoffice mcp`: the agent interface over stdio, one JSON-RPC message per line; logs go to stderr.
#include <poll.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <iostream>

#include "app/commands.hpp"
#include "app/config.hpp"
#include "app/providers.hpp"
#include "mcp/session.hpp"

namespace bo::app {
namespace {
using nlohmann::json;
constexpr size_t kMaxMessageBytes = 1 << 20;
constexpr auto kAnswerTimeLimit = std::chrono::minutes(10);  // for the person to answer an elicitation

struct Line {
  std::string text;
  bool too_long = false;
};

// Lines of stdin, read without stdio's buffering so that a wait can have a time limit. A line longer
// than the limit is skipped to its end and reported as too long without being kept.
class LineReader {
 public:
  // nullopt at the end of input, or when `deadline` passed first.
  std::optional<Line> next(std::optional<std::chrono::steady_clock::time_point> deadline = std::nullopt) {
    Line line;
    for (;;) {
      while (pos_ < len_) {
        char ch = buf_[pos_++];
        if (ch == '\n') return line;
        if (line.text.size() < kMaxMessageBytes) line.text += ch;
        else line.too_long = true;
      }
      if (eof_) return line.text.empty() && !line.too_long ? std::nullopt : std::optional(line);
      if (deadline) {
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(*deadline - std::chrono::steady_clock::now());
        pollfd p{0, POLLIN, 0};
        if (left.count() <= 0 || ::poll(&p, 1, static_cast<int>(left.count())) <= 0) return std::nullopt;
      }
      auto n = ::read(0, buf_, sizeof buf_);
      if (n <= 0) eof_ = true;
      else pos_ = 0, len_ = static_cast<size_t>(n);
    }
  }

 private:
  char buf_[64 * 1024];
  size_t pos_ = 0, len_ = 0;
  bool eof_ = false;
};

void send(const json& message) { std::cout << message.dump() << '\n' << std::flush; }

std::optional<json> parse(const Line& line) {
  if (line.too_long) {
    send(mcp::error_response(nullptr, -32600, "The message is larger than 1 MiB."));
    return std::nullopt;
  }
  auto message = json::parse(line.text, nullptr, false);
  if (message.is_discarded()) {
    send(mcp::error_response(nullptr, -32700, "The message is not JSON."));
    return std::nullopt;
  }
  return message;
}

// Asks the client over the same stdio and waits for its answer; what else arrives meanwhile is a ping
// (answered), the client cancelling its call (the wait ends), or a request it must send again later.
class StdioPeer : public mcp::Peer {
 public:
  explicit StdioPeer(LineReader& in) : in_(in) {}
  std::optional<json> ask(const std::string& method, const json& params) override {
    std::string id = "boxoffice-" + std::to_string(++asked_);
    send({{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", params}});
    auto deadline = std::chrono::steady_clock::now() + kAnswerTimeLimit;
    while (auto line = in_.next(deadline)) {
      if (line->text.empty() && !line->too_long) continue;
      auto m = parse(*line);
      if (!m || !m->is_object()) continue;
      if (m->contains("id") && (*m)["id"] == id && !m->contains("method")) return m;
      std::string other = m->contains("method") && (*m)["method"].is_string() ? (*m)["method"].get<std::string>() : "";
      if (other == "notifications/cancelled") return std::nullopt;
      if (other.empty() || !m->contains("id")) continue;
      if (other == "ping") send({{"jsonrpc", "2.0"}, {"id", (*m)["id"]}, {"result", json::object()}});
      else send(mcp::error_response(&(*m)["id"], -32603, "A call is waiting for the person's answer; send this again afterwards."));
    }
    return std::nullopt;
  }

 private:
  LineReader& in_;
  int asked_ = 0;
};
}  // namespace

int mcp_stdio(const ServeConfig& cfg) {
  spdlog::set_default_logger(spdlog::stderr_logger_mt("mcp"));
  const char* env = std::getenv("BOXOFFICE_TOKEN");
  const std::string token = env ? env : "";
  if (token.empty()) {
    spdlog::error("Set BOXOFFICE_TOKEN to an API token of the organisation (Settings → API tokens).");
    return 2;
  }
  prepare_database(cfg.db_url);
  store::Database db(cfg.db_url);
  auto clock = clock_from_environment();
  services::Settings settings = cfg.settings;
  if (settings.public_url.empty()) settings.public_url = "http://localhost:8080";
  services::Context ctx{db, *clock, settings};
  Providers providers(cfg);
  providers.install(ctx);
  auto who = services::authenticate_token(ctx, token, "");
  if (!who) {
    spdlog::error("The token in BOXOFFICE_TOKEN is not valid or was revoked.");
    return 1;
  }
  mcp::Session session(ctx, *who);
  LineReader in;
  StdioPeer peer(in);
  while (auto line = in.next()) {
    if (!line->text.empty() && line->text.back() == '\r') line->text.pop_back();
    if (line->text.empty() && !line->too_long) continue;
    auto message = parse(*line);
    if (!message) continue;
    who = services::authenticate_token(ctx, token, "");
    if (!who) {
      const auto* id = message->is_object() && message->contains("id") ? &(*message)["id"] : nullptr;
      send(mcp::error_response(id, -32001, "The token was revoked."));
      continue;
    }
    session.set_principal(*who);
    if (auto answer = session.handle(*message, &peer)) send(*answer);
  }
  return 0;
}
}  // namespace bo::app
