#pragma once
// Serves the API routes and the built web UI (with SPA fallback) until SIGINT/SIGTERM.
#include <filesystem>
#include <functional>

#include "http/api.hpp"
#include "http/client_address.hpp"

namespace bo::http {
struct ServerOptions {
  std::string address = "0.0.0.0";
  unsigned short port = 8080;
  size_t threads = 4;
  std::filesystem::path web_root;  // the Vite build (index.html + assets/)
  size_t max_body = 110 * 1024 * 1024;
  double rate_limit = 200;  // requests per second per caller; 0: off
  TrustedProxies trusted_proxies;  // peers whose X-Forwarded-For is believed
};
// Blocks; `on_listening` runs once the port accepts connections.
void serve(services::Context& ctx, const Routes& routes, const ServerOptions& opts,
           const std::function<void()>& on_listening);
}  // namespace bo::http
