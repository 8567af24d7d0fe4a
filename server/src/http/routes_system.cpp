// Health, metrics and the OpenAPI document.
#include "common/embedded.hpp"
#include "http/api.hpp"
#include "http/metrics.hpp"

namespace bo::http {
void add_system_routes(Routes& r) {
  r.add("GET", "/healthz", [](Call& call) {
    auto c = call.ctx.db.acquire();
    c->q("SELECT 1");
    return Response::json_body({{"status", "ok"}});
  }, false);
  r.add("GET", "/metrics", [](Call&) {
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
