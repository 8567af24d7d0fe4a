#include "services/api_tokens.hpp"

#include <nlohmann/json.hpp>

#include "common/error.hpp"
#include "common/random.hpp"
#include "domain/contact.hpp"
#include "domain/setup_rules.hpp"
#include "services/audit.hpp"
#include "services/orders.hpp"

namespace bo::services {
namespace {
using nlohmann::json;

constexpr size_t kVisiblePrefix = 10;  // "bo_" and 7 characters of the random part

json audit_json(const domain::TokenRow& t) {
  return {{"name", t.name}, {"role", domain::to_string(t.role)}, {"prefix", t.prefix}};
}
}  // namespace

std::vector<domain::TokenListItem> list_tokens(Context& ctx, const Principal& p) {
  require(p, domain::Permission::manage_tokens);
  auto c = ctx.db.acquire();
  return store::list_tokens(*c, p.organisation.id);
}

CreatedToken create_token(Context& ctx, const Principal& p, const std::string& name_in, const std::string& role_text) {
  require(p, domain::Permission::manage_tokens);
  auto name = domain::trim(name_in);
  domain::FieldErrors errors;
  if (name.empty()) errors["name"] = "Required.";
  else if (name.size() > 100) errors["name"] = "At most 100 characters.";
  else if (!domain::single_line(name)) errors["name"] = "Use a single line.";
  auto role = domain::parse_role(role_text);
  if (role_text.empty()) errors["role"] = "Required.";
  else if (!role) errors["role"] = "One of viewer, support, finance, admin.";
  if (!errors.empty()) throw validation_failed(errors);
  auto now = ctx.clock.now();
  CreatedToken out;
  out.secret = "bo_" + random_token(32);
  auto prefix = out.secret.substr(0, kVisiblePrefix);
  auto c = ctx.db.acquire();
  store::Transaction tx(*c);
  if (store::count_active_tokens(*c, p.organisation.id) >= kMaxTokensPerOrganisation)
    throw Error("too_many_tokens", "This organisation has " + std::to_string(kMaxTokensPerOrganisation) +
                                       " tokens; revoke unused ones first.");
  std::optional<int64_t> created_by;
  if (p.kind == Principal::Kind::user) created_by = p.id;
  auto id = store::insert_token(*c, p.organisation.id, name, *role, sha256_hex(out.secret), prefix, created_by, now);
  out.item = *store::find_token_by_id(*c, p.organisation.id, id);
  record_audit(*c, p, "token", id, name, "created", changes_between(nullptr, audit_json(out.item.token)), now);
  tx.commit();
  return out;
}

void revoke_token(Context& ctx, const Principal& p, int64_t id) {
  require(p, domain::Permission::manage_tokens);
  auto now = ctx.clock.now();
  auto c = ctx.db.acquire();
  store::Transaction tx(*c);
  auto t = store::find_token_by_id(*c, p.organisation.id, id);
  if (!t || !store::revoke_token(*c, p.organisation.id, id, now)) throw not_found("token");
  record_audit(*c, p, "token", id, t->token.name, "revoked", json{{"revoked", {{"old", false}, {"new", true}}}}, now);
  tx.commit();
}

}  // namespace bo::services
