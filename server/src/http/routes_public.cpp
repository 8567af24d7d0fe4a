// Without log-in: the customer's personalisation link, payment-provider webhooks, and check-in.
#include <spdlog/spdlog.h>

#include "common/error.hpp"
#include "http/api.hpp"
#include "http/errors.hpp"
#include "http/wire.hpp"
#include "payments/provider.hpp"
#include "services/checkin.hpp"
#include "services/personalisation.hpp"
#include "services/refunds.hpp"
#include "store/refunds.hpp"

namespace bo::http {
json personalisation_json(const services::PersonalisationView& v);

void add_public_routes(Routes& r) {
  r.add("GET", "/api/v1/p/:token", [](Call& call) {
    auto res = Response::json_body(
        personalisation_json(services::get_personalisation_by_token(call.ctx, call.req.params.at("token"))));
    res.headers.emplace_back("Cache-Control", "no-store");
    return res;
  }, false);

  r.add("PUT", "/api/v1/p/:token", [](Call& call) {
    auto body = call.body_json();
    services::AttendeeInput input;
    if (!body.contains("tickets") || !body["tickets"].is_array()) throw validation_failed({{"tickets", "Required."}});
    for (const auto& t : body["tickets"]) {
      if (!t.is_object() || !t.contains("ticket_id") || !t["ticket_id"].is_number_integer() || !t.contains("values") || !t["values"].is_object())
        throw validation_failed({{"tickets", "Each entry needs a ticket_id and an object of values."}});
      auto& values = input[t["ticket_id"].get<int64_t>()];
      for (const auto& [k, v] : t["values"].items()) values[k] = v.is_string() ? v.get<std::string>() : "";
    }
    return Response::json_body(
        personalisation_json(services::save_personalisation_by_token(call.ctx, call.req.params.at("token"), input)));
  }, false, 64 * 1024);

  r.add("POST", "/api/v1/webhooks/:provider", [](Call& call) {
    const auto& name = call.req.params.at("provider");
    auto* provider = call.ctx.provider(name);
    if (!provider || name == "demo") throw not_found("provider");
    payments::WebhookRequest w;
    w.body = call.req.body;
    for (const auto& [k, v] : call.req.headers) w.headers.emplace_back(k, v);
    auto result = provider->handle_webhook(w);
    if (result.verdict == payments::WebhookVerdict::rejected) {
      spdlog::warn("{} webhook rejected: {}", name, result.error);
      throw bad_request("Webhook not accepted: " + result.error);
    }
    if (result.verdict == payments::WebhookVerdict::retry)
      return error_response("provider_unavailable", "Try again later.", 503);
    for (const auto& u : result.updates) {
      if (u.state != payments::RefundState::succeeded && u.state != payments::RefundState::failed) continue;
      std::optional<store::RefundRow> refund;
      {
        auto c = call.ctx.db.acquire();
        refund = store::find_refund_by_provider_ref(*c, name, u.refund_ref);
      }
      if (!refund) continue;  // not one of ours, or its creation answer has not been stored yet (polling catches up)
      services::apply_refund_result(call.ctx, refund->id, u.state == payments::RefundState::succeeded, u.error,
                                    u.refund_ref);
    }
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
