// API tokens: list, create (the text is answered once), revoke.
#include "common/error.hpp"
#include "http/api.hpp"
#include "http/wire_setup.hpp"
#include "services/orders.hpp"

namespace bo::http {

void add_token_routes(Routes& r) {
  r.add("GET", "/api/v1/tokens", [](Call& call) {
    json items = json::array();
    for (const auto& t : services::list_tokens(call.ctx, call.who())) items.push_back(token_json(t));
    return Response::json_body({{"items", items}});
  });

  r.add("POST", "/api/v1/tokens", [](Call& call) {
    auto body = call.body_json();
    BodyReader reader(body);
    auto name = reader.text("name");
    auto role = reader.text("role");
    reader.finish();
    auto created = services::create_token(call.ctx, call.who(), name.value_or(""), role.value_or(""));
    auto j = token_json(created.item);
    j["token"] = created.secret;
    auto res = Response::json_body(j, 201);
    res.headers.emplace_back("Cache-Control", "no-store");
    return res;
  }, true, 4 * 1024);

  r.add("DELETE", "/api/v1/tokens/:id", [](Call& call) {
    services::revoke_token(call.ctx, call.who(), id_param(call.req, "id", "token"));
    return Response::no_content();
  });
}
}  // namespace bo::http
