// Health, metrics and the OpenAPI document.
#include "common/embedded.hpp"
#include "common/ip_address.hpp"
#include "common/random.hpp"
#include "http/api.hpp"
#include "http/errors.hpp"
#include "http/metrics.hpp"
#include "services/orders.hpp"

namespace bo::http {
namespace {
// With a token: "Authorization: Bearer <token>", compared in constant time. Without one: a peer on this
// machine that is not one of our proxies (a proxy on the same machine forwards anyone's request).
bool may_read_metrics(const Request& req, const std::string& token) {
  if (!token.empty()) {
    auto auth = req.header("authorization");
    return auth.rfind("Bearer ", 0) == 0 && constant_time_equal(sha256_hex(auth.substr(7)), sha256_hex(token));
  }
  auto peer = IpAddress::parse(req.peer.empty() ? req.remote : req.peer);
  return !req.via_proxy && peer && peer->is_loopback();
}
}  // namespace

void add_system_routes(Routes& r, std::string metrics_token) {
  r.add("GET", "/healthz", [](Call& call) {
    services::check_database(call.ctx);
    return Response::json_body({{"status", "ok"}});
  }, false);
  r.add("GET", "/metrics", [token = std::move(metrics_token)](Call& call) {
    if (!may_read_metrics(call.req, token)) {
      auto res = token.empty() ? error_response("forbidden", "Metrics are served to this machine only; set --metrics-token.")
                               : error_response("unauthenticated", "Send the metrics token as a Bearer token.");
      if (!token.empty()) res.headers.emplace_back("WWW-Authenticate", "Bearer");
      return res;
    }
    Response res;
    res.content_type = "text/plain; version=0.0.4";
    res.body = metrics().render();
    return res;
  }, false);
  r.add("GET", "/api/v1/openapi.json", [](Call&) {
    Response res;
    res.body = std::string(embedded::openapi.at(0).content);
    return res;
  }, false);
}
}  // namespace bo::http
