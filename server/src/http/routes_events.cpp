// Events and their ticket types.
#include "common/error.hpp"
#include "http/api.hpp"
#include "http/wire_setup.hpp"

namespace bo::http {
namespace {
constexpr size_t kEventBody = 16 * 1024;
constexpr size_t kTicketTypeBody = 512 * 1024;  // up to 50 fields with 100 options each

const std::string& currency(const Call& call) { return call.who().organisation.currency; }

json types_json(const std::vector<domain::TicketType>& types, const std::string& currency) {
  json items = json::array();
  for (const auto& t : types) items.push_back(ticket_type_json(t, currency));
  return {{"items", items}};
}
}  // namespace

void add_event_routes(Routes& r) {
  r.add("GET", "/api/v1/events", [](Call& call) {
    auto counts = call.req.q("counts").value_or("true");
    if (counts != "true" && counts != "false") throw validation_failed({{"counts", "Use true or false."}});
    json items = json::array();
    for (const auto& e : services::list_events(call.ctx, call.who(), counts == "true"))
      items.push_back(event_summary_json(e));
    return Response::json_body({{"items", items}});
  }).accepts({"counts"});

  r.add("POST", "/api/v1/events", [](Call& call) {
    auto body = call.body_json();
    BodyReader reader(body);
    auto in = event_input_from(reader, call.who().organisation.time_zone);
    auto detail = services::create_event(call.ctx, call.who(), in);
    return Response::json_body(event_detail_json(detail, currency(call)), 201);
  }, true, kEventBody);

  r.add("GET", "/api/v1/events/:id", [](Call& call) {
    auto detail = services::get_event(call.ctx, call.who(), id_param(call.req, "id", "event"));
    return Response::json_body(event_detail_json(detail, currency(call)));
  });

  r.add("PATCH", "/api/v1/events/:id", [](Call& call) {
    auto id = id_param(call.req, "id", "event");
    auto body = call.body_json();
    BodyReader reader(body);
    auto in = event_input_from(reader, call.who().organisation.time_zone);
    auto detail = services::update_event(call.ctx, call.who(), id, in);
    return Response::json_body(event_detail_json(detail, currency(call)));
  }, true, kEventBody);

  r.add("DELETE", "/api/v1/events/:id", [](Call& call) {
    services::delete_event(call.ctx, call.who(), id_param(call.req, "id", "event"));
    return Response::no_content();
  });

  r.add("GET", "/api/v1/events/:id/ticket-types", [](Call& call) {
    auto types = services::list_ticket_types(call.ctx, call.who(), id_param(call.req, "id", "event"));
    return Response::json_body(types_json(types, currency(call)));
  });

  r.add("POST", "/api/v1/events/:id/ticket-types", [](Call& call) {
    auto event_id = id_param(call.req, "id", "event");
    auto body = call.body_json();
    BodyReader reader(body);
    auto in = ticket_type_input_from(reader);
    auto t = services::create_ticket_type(call.ctx, call.who(), event_id, in);
    return Response::json_body(ticket_type_json(t, currency(call)), 201);
  }, true, kTicketTypeBody);

  r.add("POST", "/api/v1/events/:id/ticket-types/order", [](Call& call) {
    auto event_id = id_param(call.req, "id", "event");
    auto body = call.body_json();
    BodyReader reader(body);
    auto ids = reader.integers("ids");
    if (!ids && !reader.value("ids")) reader.fail("ids", "Required.");
    reader.finish();
    auto types = services::reorder_ticket_types(call.ctx, call.who(), event_id, *ids);
    return Response::json_body(types_json(types, currency(call)));
  }, true, kEventBody);

  r.add("GET", "/api/v1/ticket-types/:id", [](Call& call) {
    auto id = id_param(call.req, "id", "ticket type");
    auto t = services::get_ticket_type(call.ctx, call.who(), id);
    return Response::json_body(ticket_type_json(t, currency(call)));
  });

  r.add("PATCH", "/api/v1/ticket-types/:id", [](Call& call) {
    auto id = id_param(call.req, "id", "ticket type");
    auto body = call.body_json();
    BodyReader reader(body);
    auto in = ticket_type_input_from(reader);
    auto t = services::update_ticket_type(call.ctx, call.who(), id, in);
    return Response::json_body(ticket_type_json(t, currency(call)));
  }, true, kTicketTypeBody);

  r.add("DELETE", "/api/v1/ticket-types/:id", [](Call& call) {
    services::delete_ticket_type(call.ctx, call.who(), id_param(call.req, "id", "ticket type"));
    return Response::no_content();
  });
}
}  // namespace bo::http
