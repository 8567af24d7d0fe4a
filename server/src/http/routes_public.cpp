// Without log-in: the customer's personalisation link, payment-provider webhooks, and check-in.
#include "common/error.hpp"
#include "http/api.hpp"
#include "http/wire.hpp"
#include "http/wire_actions.hpp"
#include "payments/provider.hpp"
#include "services/checkin.hpp"
#include "services/personalisation.hpp"
#include "services/webhooks.hpp"

namespace bo::http {
void add_public_routes(Routes& r) {
  r.add("GET", "/api/v1/p/:token", [](Call& call) {
    auto res = Response::json_body(
        personalisation_json(services::get_personalisation_by_token(call.ctx, call.req.params.at("token"))));
    res.headers.emplace_back("Cache-Control", "no-store");
    return res;
  }, false);

  r.add("PUT", "/api/v1/p/:token", [](Call& call) {
    auto input = attendee_input_from(call.body_json());
    return Response::json_body(
        personalisation_json(services::save_personalisation_by_token(call.ctx, call.req.params.at("token"), input)));
  }, false, 64 * 1024);

  r.add("POST", "/api/v1/webhooks/:provider", [](Call& call) {
    payments::WebhookRequest w;
    w.body = call.req.body;
    for (const auto& [k, v] : call.req.headers) w.headers.emplace_back(k, v);
    services::receive_webhook(call.ctx, call.req.params.at("provider"), w);
    return Response::json_body({{"received", true}});
  }, false, 256 * 1024);

  r.add("POST", "/api/v1/checkin", [](Call& call) {
    auto body = call.body_json();
    if (!body.contains("barcode") || !body["barcode"].is_string()) throw validation_failed({{"barcode", "Required."}});
    auto r = services::check_in(call.ctx, call.who(), body["barcode"].get<std::string>());
    json out{{"result", r.result}, {"ticket", nullptr}};
    if (r.ticket) {
      out["ticket"] = ticket_json(*r.ticket);
      out["order_number"] = r.order_number;
      out["event_name"] = r.event_name;
    }
    return Response::json_body(out);
  }, true, 16 * 1024);
}
}  // namespace bo::http
