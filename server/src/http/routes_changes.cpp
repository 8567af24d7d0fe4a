// Order changes, and settling what a change left open.
#include "common/error.hpp"
#include "http/api.hpp"
#include "http/body_reader.hpp"
#include "http/wire.hpp"
#include "http/wire_changes.hpp"

namespace bo::http {
namespace {
std::string number_of(const Call& call) { return call.req.params.at("number"); }

Response order_response(Call& call, const services::OrderView& v, int status = 200) {
  return Response::json_text(order_json(v, call.who().organisation, call.req.language()), status);
}
}  // namespace

void add_change_routes(Routes& r) {
  r.add("GET", "/api/v1/orders/:number/change-options", [](Call& call) {
    return Response::json_body(change_options_json(services::change_options(call.ctx, call.who(), number_of(call))));
  });

  r.add("POST", "/api/v1/orders/:number/changes", [](Call& call) {
    auto body = call.body_json();
    bool preview = body.contains("preview") && body["preview"].is_boolean() && body["preview"].get<bool>();
    auto in = change_input_from(body, !preview);
    if (preview) {
      auto out = services::preview_change(call.ctx, call.who(), number_of(call), in);
      return Response::json_body(change_outcome_json(out, call.who().organisation, true, call.req.language()));
    }
    in.idempotency_key = call.req.header("idempotency-key");
    auto out = services::change_order(call.ctx, call.who(), number_of(call), in);
    auto res = Response::json_body(change_outcome_json(out, call.who().organisation, false, call.req.language()), out.replayed ? 200 : 201);
    if (out.replayed) res.headers.emplace_back("Idempotent-Replayed", "true");
    return res;
  });

  r.add("POST", "/api/v1/orders/:number/payments", [](Call& call) {
    auto body = call.body_json();
    BodyReader reader(body);
    services::ManualPayment in;
    in.expected_version = require_int(body, "expected_version");
    in.amount = reader.integer("amount").value_or(0);
    in.method = reader.text("method").value_or("");
    in.reference = reader.text("reference").value_or("");
    reader.finish();
    return order_response(call, services::record_payment(call.ctx, call.who(), number_of(call), in), 201);
  });

  r.add("POST", "/api/v1/orders/:number/waive", [](Call& call) {
    auto body = call.body_json();
    BodyReader reader(body);
    auto version = require_int(body, "expected_version");
    auto reason = reader.text("reason").value_or("");
    reader.finish();
    return order_response(call, services::waive_due(call.ctx, call.who(), number_of(call), version, reason));
  });
}
}  // namespace bo::http
