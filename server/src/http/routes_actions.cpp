// The ⋯ actions of an order: resend, personalisation, refund, cancel; and its e-mail log.
#include "common/error.hpp"
#include "http/api.hpp"
#include "http/wire.hpp"
#include "http/wire_actions.hpp"
#include "services/cancel_order.hpp"
#include "services/personalisation.hpp"
#include "services/refunds.hpp"
#include "services/resend_tickets.hpp"
#include "services/orders.hpp"

namespace bo::http {
namespace {
std::string number_of(const Call& call) { return call.req.params.at("number"); }

json email_json(const domain::EmailRecord& e) {
  return {{"id", e.id},
          {"kind", e.kind},
          {"to", e.to},
          {"subject", e.subject},
          {"status", std::string(domain::to_string(e.status))},
          {"attempts", e.attempts},
          {"last_error", e.last_error ? json(*e.last_error) : json(nullptr)},
          {"created_at", time_json(e.created_at)},
          {"sent_at", time_json(e.sent_at)}};
}
}  // namespace

void add_action_routes(Routes& r) {
  r.add("POST", "/api/v1/orders/:number/resend", [](Call& call) {
    auto body = call.body_json();
    if (!body.contains("email") || !body["email"].is_string())
      throw validation_failed({{"email", "Confirm the e-mail address the tickets go to."}});
    auto id = services::resend_tickets(call.ctx, call.who(), number_of(call), body["email"].get<std::string>());
    return Response::json_body({{"email_id", id}, {"status", "queued"}}, 202);
  });

  r.add("GET", "/api/v1/orders/:number/emails", [](Call& call) {
    json items = json::array();
    for (const auto& e : services::order_emails(call.ctx, call.who(), number_of(call))) items.push_back(email_json(e));
    return Response::json_body({{"items", items}});
  });

  r.add("GET", "/api/v1/orders/:number/personalisation", [](Call& call) {
    return Response::json_body(personalisation_json(services::get_personalisation(call.ctx, call.who(), number_of(call))));
  });

  r.add("PUT", "/api/v1/orders/:number/personalisation", [](Call& call) {
    auto input = attendee_input_from(call.body_json());
    return Response::json_body(
        personalisation_json(services::save_personalisation(call.ctx, call.who(), number_of(call), input)));
  });

  r.add("POST", "/api/v1/orders/:number/personalisation-link", [](Call& call) {
    auto body = call.body_json();
    bool send = body.contains("send_email") && body["send_email"].is_boolean() && body["send_email"].get<bool>();
    auto link = services::create_personalisation_link(call.ctx, call.who(), number_of(call), send);
    return Response::json_body({{"url", link.url},
                                {"token", link.token},
                                {"expires_at", time_json(link.expires_at)},
                                {"email_id", link.email_id ? json(*link.email_id) : json(nullptr)}},
                               201);
  });

  r.add("POST", "/api/v1/orders/:number/refunds", [](Call& call) {
    auto body = call.body_json();
    auto in = refund_input_from(body);
    in.idempotency_key = call.req.header("idempotency-key");
    auto out = services::refund_order(call.ctx, call.who(), number_of(call), in);
    auto res = Response::json_body(refund_json(out.refund), 201);
    if (out.replayed) res.headers.emplace_back("Idempotent-Replayed", "true");
    return res;
  });

  r.add("POST", "/api/v1/orders/:number/cancel", [](Call& call) {
    auto body = call.body_json();
    auto in = cancel_input_from(body);
    auto result = services::cancel_order(call.ctx, call.who(), number_of(call), in);
    auto view = services::get_order(call.ctx, call.who(), number_of(call));
    return Response::json_text(order_json(view, call.who().organisation, call.req.language()),
                               result == services::CancelResult::cancelled ? 200 : 202);
  });
}
}  // namespace bo::http
