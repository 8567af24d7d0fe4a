// `boxoffice mcp`: the agent interface over stdio, one JSON-RPC message per line; logs go to stderr.
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <cstdlib>
#include <iostream>

#include "app/commands.hpp"
#include "mcp/session.hpp"

namespace bo::app {
namespace {
constexpr size_t kMaxMessageBytes = 1 << 20;

// The next line of stdin without its newline; nullopt at the end. A longer line than the limit is
// skipped to its end and reported as too long without being kept.
std::optional<std::string> read_line(bool& too_long) {
  std::string line;
  too_long = false;
  int ch;
  while ((ch = std::cin.get()) != EOF) {
    if (ch == '\n') return line;
    if (line.size() < kMaxMessageBytes) line += static_cast<char>(ch);
    else too_long = true;
  }
  if (line.empty() && !too_long) return std::nullopt;
  return line;
}

void send(const nlohmann::json& message) { std::cout << message.dump() << '\n' << std::flush; }
}  // namespace

int mcp_stdio(const std::string& db_url) {
  spdlog::set_default_logger(spdlog::stderr_logger_mt("mcp"));
  const char* env = std::getenv("BOXOFFICE_TOKEN");
  const std::string token = env ? env : "";
  if (token.empty()) {
    spdlog::error("Set BOXOFFICE_TOKEN to an API token of the organisation (Settings → API tokens).");
    return 2;
  }
  prepare_database(db_url);
  store::Database db(db_url);
  auto clock = clock_from_environment();
  services::Context ctx{db, *clock, {}};
  auto who = services::authenticate_token(ctx, token, "");
  if (!who) {
    spdlog::error("The token in BOXOFFICE_TOKEN is not valid or was revoked.");
    return 1;
  }
  mcp::Session session(ctx, *who);
  bool too_long = false;
  while (auto line = read_line(too_long)) {
    if (!line->empty() && line->back() == '\r') line->pop_back();
    if (line->empty()) continue;
    if (too_long) {
      send(mcp::error_response(nullptr, -32600, "The message is larger than 1 MiB."));
      continue;
    }
    auto message = nlohmann::json::parse(*line, nullptr, false);
    if (message.is_discarded()) {
      send(mcp::error_response(nullptr, -32700, "The message is not JSON."));
      continue;
    }
    who = services::authenticate_token(ctx, token, "");
    if (!who) {
      const auto* id = message.is_object() && message.contains("id") ? &message["id"] : nullptr;
      send(mcp::error_response(id, -32001, "The token was revoked."));
      continue;
    }
    session.set_principal(*who);
    if (auto answer = session.handle(message)) send(*answer);
  }
  return 0;
}
}  // namespace bo::app
