#pragma once
// Organisations and their settings.
#include <optional>

#include "domain/order.hpp"
#include "store/db.hpp"

namespace bo::store {
inline constexpr const char* kOrganisationColumns =
    "o.id, o.slug, o.name, o.currency, o.time_zone, o.country, o.sender_name, o.sender_email, o.refund_methods, "
    "o.partial_refunds, o.refund_fees, o.refund_deadline_days, o.email_templates, o.default_language";
// Reads the kOrganisationColumns starting at column `at`.
// Reads the organisation columns (kOrganisationColumns) from where `f` stands.
domain::Organisation read_organisation(Fields& f);
std::optional<domain::Organisation> find_organisation(Connection& c, int64_t id);
std::optional<domain::Organisation> find_organisation_by_slug(Connection& c, std::string_view slug);
// A new organisation with the default refund policy and e-mail templates; returns its id.
int64_t insert_organisation(Connection& c, const domain::Organisation& o, int64_t now);
// Writes the settings (everything but id and slug).
void update_organisation(Connection& c, const domain::Organisation& o);
bool any_organisation(Connection& c);
bool organisation_has_orders(Connection& c, int64_t org_id);
}  // namespace bo::store
