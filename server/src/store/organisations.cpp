#include "store/organisations.hpp"

#include "store/accounts.hpp"

#include <nlohmann/json.hpp>

namespace bo::store {

domain::Organisation read_organisation(Fields& f) {
  domain::Organisation o;
  o.id = f.i64();
  o.slug = f.text();
  o.name = f.text();
  o.currency = f.text();
  o.time_zone = f.text();
  o.country = f.text();
  o.sender_name = f.text();
  o.sender_email = f.text();
  o.policy.refundable_methods = nlohmann::json::parse(f.text()).get<std::vector<std::string>>();
  o.policy.partial_refunds = f.boolean();
  o.policy.refund_fees = f.boolean();
  o.policy.deadline_days = static_cast<int>(f.i64());
  o.email_templates = f.text();
  o.default_language = f.text();
  return o;
}

std::optional<domain::Organisation> find_organisation(Connection& c, int64_t id) {
  auto r = c.select_one(std::string("SELECT ") + kOrganisationColumns + " FROM organisations o WHERE o.id = ?", id);
  if (!r) return std::nullopt;
  Fields f(*r);
  return read_organisation(f);
}

std::optional<domain::Organisation> find_organisation_by_slug(Connection& c, std::string_view slug) {
  auto r = c.select_one(std::string("SELECT ") + kOrganisationColumns + " FROM organisations o WHERE o.slug = ?", slug);
  if (!r) return std::nullopt;
  Fields f(*r);
  return read_organisation(f);
}
int64_t insert_organisation(Connection& c, const domain::Organisation& o, int64_t now) {
  return c.select("INSERT INTO organisations (slug, name, currency, time_zone, country, sender_name, sender_email, "
             "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
             o.slug, o.name, o.currency, o.time_zone, o.country, o.sender_name, o.sender_email, now)[0]
      .i64(0);
}

bool any_organisation(Connection& c) { return c.select_one("SELECT id FROM organisations LIMIT 1").has_value(); }

void update_organisation(Connection& c, const domain::Organisation& o) {
  c.run("UPDATE organisations SET name = ?, currency = ?, time_zone = ?, country = ?, sender_name = ?, sender_email = ?, "
      "refund_methods = ?, partial_refunds = ?, refund_fees = ?, refund_deadline_days = ?, email_templates = ?, "
      "default_language = ? WHERE id = ?",
      o.name, o.currency, o.time_zone, o.country, o.sender_name, o.sender_email,
      nlohmann::json(o.policy.refundable_methods).dump(), o.policy.partial_refunds, o.policy.refund_fees,
      static_cast<int64_t>(o.policy.deadline_days), o.email_templates, o.default_language, o.id);
  auth_changed(c);
}

bool organisation_has_orders(Connection& c, int64_t org_id) {
  return c.select_one("SELECT 1 FROM orders WHERE organisation_id = ? LIMIT 1", org_id).has_value();
}
}  // namespace bo::store
