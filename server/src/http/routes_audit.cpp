// The audit log of organisation setup, newest first, with keyset pagination.
#include "common/error.hpp"
#include "http/api.hpp"
#include "http/wire_setup.hpp"
#include "services/audit.hpp"
#include "services/orders.hpp"

namespace bo::http {
namespace {
std::optional<int64_t> positive(const std::optional<std::string>& s) {
  if (!s || s->empty() || s->size() > 18) return std::nullopt;
  for (char c : *s)
    if (c < '0' || c > '9') return std::nullopt;
  return std::stoll(*s);
}
}  // namespace

void add_audit_routes(Routes& r) {
  r.add("GET", "/api/v1/audit-log", [](Call& call) {
    const auto& req = call.req;
    domain::AuditFilter f;
    std::map<std::string, std::string> errors;
    if (auto l = req.q("limit")) {
      auto n = positive(l);
      if (!n || *n < 1 || *n > 200) errors["limit"] = "Between 1 and 200.";
      else f.limit = static_cast<int>(*n);
    }
    if (auto cur = req.q("cursor")) {
      f.before_id = positive(cur);
      if (!f.before_id) errors["cursor"] = "Not a cursor from this API.";
    }
    if (auto e = req.q("entity")) {
      if (*e != "event" && *e != "ticket_type" && *e != "organisation" && *e != "user" && *e != "token" &&
          *e != "invitation")
        errors["entity"] = "One of event, ticket_type, organisation, user, token, invitation.";
      else f.entity = *e;
    }
    if (auto id = req.q("entity_id")) {
      f.entity_id = positive(id);
      if (!f.entity_id) errors["entity_id"] = "Must be a number.";
    }
    if (!errors.empty()) throw validation_failed(errors);
    int limit = f.limit;
    f.limit = limit + 1;
    auto entries = services::audit_log(call.ctx, call.who(), f);
    json items = json::array();
    json next = nullptr;
    for (size_t i = 0; i < entries.size() && i < static_cast<size_t>(limit); ++i)
      items.push_back(audit_entry_json(entries[i]));
    if (entries.size() > static_cast<size_t>(limit)) next = std::to_string(entries[static_cast<size_t>(limit) - 1].id);
    return Response::json_body({{"items", items}, {"next_cursor", next}});
  }).accepts({"limit", "cursor", "entity", "entity_id"});
}
}  // namespace bo::http
