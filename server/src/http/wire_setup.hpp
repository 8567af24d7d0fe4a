#pragma once
// JSON shapes of organisation setup (events, ticket types, organisation, users, tokens, audit log),
// as documented in docs/api.md; the order shapes are in wire.hpp.
#include <nlohmann/json.hpp>

#include "http/api.hpp"
#include "http/body_reader.hpp"
#include "services/api_tokens.hpp"
#include "services/events.hpp"
#include "services/invitations.hpp"
#include "services/members.hpp"
#include "services/organisation_settings.hpp"
#include "domain/audit_entry.hpp"

namespace bo::http {
using nlohmann::json;

json event_summary_json(const domain::EventSummary& e);
json event_detail_json(const services::EventDetail& d, const std::string& currency);
json ticket_type_json(const domain::TicketType& t, const std::string& currency);
json organisation_json(const services::OrganisationSettings& s);
json member_json(const domain::Member& m);
json invitation_json(const domain::Invitation& i, int64_t now);
json token_json(const domain::TokenListItem& t);
json audit_entry_json(const domain::AuditEntry& e);

// The numeric path parameter `name`; anything else is Error not_found(what).
int64_t id_param(const Request& req, const std::string& name, const std::string& what);

services::EventInput event_input_from(BodyReader& r, const std::string& zone);
services::TicketTypeInput ticket_type_input_from(BodyReader& r);
services::OrganisationInput organisation_input_from(BodyReader& r);

}  // namespace bo::http
