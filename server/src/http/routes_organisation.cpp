// The organisation's settings, refund policy and e-mail texts.
#include "common/error.hpp"
#include "http/api.hpp"
#include "http/wire_setup.hpp"

namespace bo::http {

void add_organisation_routes(Routes& r) {
  r.add("GET", "/api/v1/organisation", [](Call& call) {
    return Response::json_body(organisation_json(services::get_settings(call.ctx, call.who())));
  });

  r.add("PATCH", "/api/v1/organisation", [](Call& call) {
    auto body = call.body_json();
    BodyReader reader(body);
    auto in = organisation_input_from(reader);
    return Response::json_body(organisation_json(services::update_settings(call.ctx, call.who(), in)));
  }, true, 256 * 1024);

  r.add("POST", "/api/v1/organisation/email-preview", [](Call& call) {
    auto body = call.body_json();
    BodyReader reader(body);
    auto kind = reader.text("kind");
    auto subject = reader.text("subject");
    auto text = reader.text("text");
    if (!kind && !reader.value("kind")) reader.fail("kind", "Required.");
    reader.finish();
    auto fallback = services::template_for(call.who().organisation, *kind);
    services::EmailText t{subject.value_or(fallback.subject), text.value_or(fallback.text)};
    auto out = services::preview_email(call.ctx, call.who(), *kind, t);
    return Response::json_body({{"kind", *kind}, {"subject", out.subject}, {"text", out.text}});
  }, true, 64 * 1024);
}
}  // namespace bo::http
