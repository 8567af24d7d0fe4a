// Invitations: the admin's list, resend and revoke (inviting is POST /api/v1/users), and the public
// accept page's two calls, which work without log-in and use the session cookie when there is one.
#include "common/error.hpp"
#include "common/random.hpp"
#include "http/api.hpp"
#include "http/dispatch.hpp"
#include "http/wire.hpp"
#include "http/wire_setup.hpp"
#include "services/invitations.hpp"
#include "services/orders.hpp"

namespace bo::http {
namespace {
constexpr size_t kSmallBody = 16 * 1024;

json accept_view_json(const services::InvitationView& v) {
  return {{"organisation", {{"name", v.organisation.name}, {"slug", v.organisation.slug}}},
          {"email", v.invitation.email},
          {"name", v.invitation.name},
          {"role", domain::to_string(v.invitation.role)},
          {"invited_by", v.invitation.invited_by.name},
          {"expires_at", time_json(v.invitation.expires_at)},
          {"account", v.existing_account ? "existing" : "new"}};
}

Response no_store(Response r) {
  r.headers.emplace_back("Cache-Control", "no-store");
  r.headers.emplace_back("Referrer-Policy", "no-referrer");
  return r;
}
}  // namespace

void add_invitation_routes(Routes& r) {
  r.add("GET", "/api/v1/invitations/accept/:token", [](Call& call) {
    auto view = services::invitation_by_token(call.ctx, call.req.params.at("token"));
    return no_store(Response::json_body(accept_view_json(view)));
  }, false);

  r.add("POST", "/api/v1/invitations/accept/:token", [](Call& call) {
    auto body = call.body_json();
    BodyReader reader(body);
    services::Acceptance in;
    in.password = reader.text("password");
    in.name = reader.text("name");
    reader.finish();
    in.client = call.req.remote;
    auto cookie = cookie_value(call.req.header("cookie"), kSessionCookie);
    if (!cookie.empty()) {
      if (auto caller = services::authenticate_session(call.ctx, cookie, "")) {
        if (!constant_time_equal(call.req.header("x-csrf-token"), caller->csrf_token))
          throw Error("csrf_failed", "The CSRF token is missing or wrong.");
        in.session_token = cookie;
      }
    }
    auto accepted = services::accept_invitation(call.ctx, call.req.params.at("token"), in);
    auto res = Response::json_body(me_json(accepted.principal));
    if (accepted.session_token)
      res.headers.emplace_back("Set-Cookie",
                               session_cookie(call.req, *accepted.session_token, services::kSessionAbsoluteSeconds));
    return no_store(std::move(res));
  }, false, kSmallBody);

  r.add("GET", "/api/v1/invitations", [](Call& call) {
    auto now = call.ctx.clock.now();
    json items = json::array();
    for (const auto& i : services::list_invitations(call.ctx, call.who())) items.push_back(invitation_json(i, now));
    return Response::json_body({{"items", items}});
  });

  r.add("POST", "/api/v1/invitations/:id/resend", [](Call& call) {
    auto invitation = services::resend_invitation(call.ctx, call.who(), id_param(call.req, "id", "invitation"));
    return Response::json_body(invitation_json(invitation, call.ctx.clock.now()));
  }, true, kSmallBody);

  r.add("DELETE", "/api/v1/invitations/:id", [](Call& call) {
    services::revoke_invitation(call.ctx, call.who(), id_param(call.req, "id", "invitation"));
    return Response::no_content();
  });
}
}  // namespace bo::http
