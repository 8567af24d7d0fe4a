// The organisation's settings, refund policy and e-mail texts.
#include "common/error.hpp"
#include "domain/languages.hpp"
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
    auto language = reader.text("language").value_or(call.who().organisation.default_language);
    if (!kind && !reader.value("kind")) reader.fail("kind", "Required.");
    if (!domain::is_language(language)) reader.fail("language", "Choose one of the languages offered: en, nl.");
    reader.finish();
    auto fallback = services::is_email_kind(*kind) ? services::template_for(call.who().organisation, *kind, language)
                                                   : services::EmailText{};
    services::EmailText t{subject.value_or(fallback.subject), text.value_or(fallback.text)};
    auto out = services::preview_email(call.ctx, call.who(), *kind, language, t);
    return Response::json_body({{"kind", *kind}, {"language", language}, {"subject", out.subject}, {"text", out.text}});
  }, true, 64 * 1024);
}
}  // namespace bo::http
