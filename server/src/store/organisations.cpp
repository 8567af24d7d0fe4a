#include "store/organisations.hpp"

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
  auto r = c.one(std::string("SELECT ") + kOrganisationColumns + " FROM organisations o WHERE o.id = ?", id);
  if (!r) return std::nullopt;
  return read_organisation(*r);
}

std::optional<domain::Organisation> find_organisation_by_slug(Connection& c, std::string_view slug) {
  auto r = c.one(std::string("SELECT ") + kOrganisationColumns + " FROM organisations o WHERE o.slug = ?", slug);
  if (!r) return std::nullopt;
  return read_organisation(*r);
}
}  // namespace bo::store
