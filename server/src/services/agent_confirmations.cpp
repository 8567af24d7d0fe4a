#include "services/agent_confirmations.hpp"

#include "common/error.hpp"
#include "common/random.hpp"
#include "services/orders.hpp"
#include "store/agent_confirmations.hpp"

namespace bo::services {
namespace {
std::string caller_kind(const Principal& p) { return p.kind == Principal::Kind::user ? "user" : "token"; }
// nlohmann's objects keep their keys sorted, so equal arguments give equal text.
std::string digest_of(const nlohmann::json& args) { return sha256_hex(args.dump()); }
}  // namespace

IssuedConfirmation issue_confirmation(Context& ctx, const Principal& p, const domain::Order& order,
                                      std::string_view action, const nlohmann::json& args) {
  auto now = ctx.clock.now();
  IssuedConfirmation out{random_token(24), now + kConfirmationSeconds};
  store::AgentConfirmation row;
  row.organisation_id = p.organisation.id;
  row.order_id = order.id;
  row.caller_kind = caller_kind(p);
  row.caller_id = p.id;
  row.action = std::string(action);
  row.order_version = order.version;
  row.args_digest = digest_of(args);
  row.expires_at = out.expires_at;
  auto c = ctx.db.acquire();
  store::Transaction tx(*c);
  store::insert_agent_confirmation(*c, row, sha256_hex(out.token), now);
  tx.commit();
  return out;
}

int64_t redeem_confirmation(Context& ctx, const Principal& p, std::string_view number, std::string_view token,
                            std::string_view action, const nlohmann::json& args) {
  auto now = ctx.clock.now();
  auto c = ctx.db.acquire();
  store::Transaction tx(*c);
  auto a = load_or_404(*c, p, number);
  auto found = store::find_agent_confirmation(*c, p.organisation.id, sha256_hex(token));
  if (!found || found->order_id != a.order.id || found->action != action || found->caller_kind != caller_kind(p) ||
      found->caller_id != p.id || found->used_at || found->expires_at < now)
    throw Error("confirmation_required",
                "This confirmation token is unknown, expired, already used, or was given for another order or "
                "action. Preview again and let the person confirm.");
  if (found->args_digest != digest_of(args))
    throw Error("confirmation_mismatch",
                "These arguments differ from the ones the person confirmed. Preview again with these arguments.");
  if (found->order_version != a.order.version) throw order_changed();
  if (!store::use_agent_confirmation(*c, found->id, now))
    throw Error("confirmation_required", "This confirmation token was already used. Preview again.");
  tx.commit();
  return found->order_version;
}

}  // namespace bo::services
