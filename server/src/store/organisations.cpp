#include "store/organisations.hpp"

#include "store/accounts.hpp"

#include <nlohmann/json.hpp>

namespace bo::store {

domain::Organisation read_organisation(const Row& r, size_t at) {
  domain::Organisation o;
  o.id = r.i64(at);
  o.slug = r.text(at + 1);
  o.name = r.text(at + 2);
  o.currency = r.text(at + 3);
  o.time_zone = r.text(at + 4);
  o.country = r.text(at + 5);
  o.sender_name = r.text(at + 6);
  o.sender_email = r.text(at + 7);
  o.policy.refundable_methods = nlohmann::json::parse(r.text(at + 8)).get<std::vector<std::string>>();
  o.policy.partial_refunds = r.boolean(at + 9);
  o.policy.refund_fees = r.boolean(at + 10);
  o.policy.deadline_days = static_cast<int>(r.i64(at + 11));
  o.email_templates = r.text(at + 12);
  return o;
}

std::optional<domain::Organisation> find_organisation(Connection& c, int64_t id) {
  auto r = c.select_one(std::string("SELECT ") + kOrganisationColumns + " FROM organisations o WHERE o.id = ?", id);
  if (!r) return std::nullopt;
  return read_organisation(*r);
}

std::optional<domain::Organisation> find_organisation_by_slug(Connection& c, std::string_view slug) {
  auto r = c.select_one(std::string("SELECT ") + kOrganisationColumns + " FROM organisations o WHERE o.slug = ?", slug);
  if (!r) return std::nullopt;
  return read_organisation(*r);
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
      "refund_methods = ?, partial_refunds = ?, refund_fees = ?, refund_deadline_days = ?, email_templates = ? "
      "WHERE id = ?",
      o.name, o.currency, o.time_zone, o.country, o.sender_name, o.sender_email,
      nlohmann::json(o.policy.refundable_methods).dump(), o.policy.partial_refunds, o.policy.refund_fees,
      static_cast<int64_t>(o.policy.deadline_days), o.email_templates, o.id);
  auth_changed(c);
}

bool organisation_has_orders(Connection& c, int64_t org_id) {
  return c.select_one("SELECT 1 FROM orders WHERE organisation_id = ? LIMIT 1", org_id).has_value();
}
}  // namespace bo::store
