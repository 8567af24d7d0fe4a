// The organisation's users (new ones are invited: routes_invitations.cpp) and one's own password.
#include "common/error.hpp"
#include "http/api.hpp"
#include "http/wire.hpp"
#include "http/wire_setup.hpp"
#include "services/orders.hpp"

namespace bo::http {
namespace {
constexpr size_t kSmallBody = 16 * 1024;

}  // namespace

void add_user_routes(Routes& r) {
  r.add("GET", "/api/v1/users", [](Call& call) {
    json items = json::array();
    for (const auto& m : services::list_members(call.ctx, call.who())) items.push_back(member_json(m));
    return Response::json_body({{"items", items}});
  });

  r.add("POST", "/api/v1/users", [](Call& call) {
    auto body = call.body_json();
    BodyReader reader(body);
    services::InvitationInput in;
    in.email = reader.text("email").value_or("");
    in.name = reader.text("name").value_or("");
    in.role = reader.text("role").value_or("");
    in.password_given = body.contains("password");
    reader.finish();
    auto invitation = services::invite(call.ctx, call.who(), in);
    return Response::json_body(invitation_json(invitation, call.ctx.clock.now()), 201);
  }, true, kSmallBody);

  r.add("PATCH", "/api/v1/users/:id", [](Call& call) {
    auto id = id_param(call.req, "id", "user");
    auto body = call.body_json();
    BodyReader reader(body);
    services::MemberPatch patch;
    patch.role = reader.text("role");
    patch.disabled = reader.boolean("disabled");
    reader.finish();
    return Response::json_body(member_json(services::update_member(call.ctx, call.who(), id, patch)));
  }, true, kSmallBody);

  r.add("DELETE", "/api/v1/users/:id", [](Call& call) {
    services::remove_member(call.ctx, call.who(), id_param(call.req, "id", "user"));
    return Response::no_content();
  });

  r.add("PATCH", "/api/v1/me", [](Call& call) {
    auto body = call.body_json();
    BodyReader reader(body);
    auto language = reader.text("language");
    if (!body.contains("language")) reader.fail("language", "Required.");
    reader.finish();
    return Response::json_body(me_json(services::set_own_language(call.ctx, call.who(), language)));
  }, true, kSmallBody);

  r.add("POST", "/api/v1/me/password", [](Call& call) {
    auto body = call.body_json();
    BodyReader reader(body);
    auto current = reader.text("current_password");
    auto next = reader.text("new_password");
    reader.finish();
    services::change_own_password(call.ctx, call.who(), current.value_or(""), next.value_or(""), call.req.remote);
    return Response::no_content();
  }, true, kSmallBody);
}
}  // namespace bo::http
