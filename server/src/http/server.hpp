#pragma once
// Serves the API routes and the built web UI (with SPA fallback) until SIGINT/SIGTERM.
#include <chrono>
#include <filesystem>
#include <functional>

#include "http/api.hpp"
#include "http/client_address.hpp"

namespace bo::http {
struct ServerOptions {
  std::string address = "0.0.0.0";
  unsigned short port = 8080;
  size_t threads = 4;
  std::filesystem::path web_root;    // the Vite build (index.html + assets/)
  std::filesystem::path upload_dir;  // streamed request bodies, each deleted once its request is answered
  double rate_limit = 200;           // requests per second per caller; 0: off
  TrustedProxies trusted_proxies;    // peers whose X-Forwarded-For is believed; no connection cap for them
  size_t max_connections = 4096;
  size_t max_connections_per_client = 256;  // per client address; 0: no cap
  std::chrono::seconds header_time_limit{10};  // from a request's first byte to the end of its headers
  std::chrono::seconds read_time_limit{60};    // an idle keep-alive connection, or one whole request
};
// Blocks; `on_listening` runs once the port accepts connections.
void serve(services::Context& ctx, const Routes& routes, const ServerOptions& opts,
           const std::function<void()>& on_listening);
}  // namespace bo::http
