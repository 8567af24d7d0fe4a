#include "store/agent_confirmations.hpp"

namespace bo::store {

void insert_agent_confirmation(Connection& c, const AgentConfirmation& in, std::string_view token_hash, int64_t now) {
  c.run("DELETE FROM agent_confirmations WHERE organisation_id = ? AND expires_at < ?", in.organisation_id,
        now - 86400);
  c.run("INSERT INTO agent_confirmations (organisation_id, order_id, token_hash, caller_kind, caller_id, action, "
        "order_version, args_digest, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        in.organisation_id, in.order_id, token_hash, in.caller_kind, in.caller_id, in.action, in.order_version,
        in.args_digest, now, in.expires_at);
}

std::optional<AgentConfirmation> find_agent_confirmation(Connection& c, int64_t org_id, std::string_view token_hash) {
  auto r = c.select_one(
      "SELECT id, organisation_id, order_id, caller_kind, caller_id, action, order_version, args_digest, expires_at, "
      "used_at FROM agent_confirmations WHERE organisation_id = ? AND token_hash = ?",
      org_id, token_hash);
  if (!r) return std::nullopt;
  Fields f(*r);
  return AgentConfirmation{f.i64(), f.i64(), f.i64(), f.text(), f.i64(), f.text(), f.i64(), f.text(), f.i64(),
                           f.opt_i64()};
}

bool use_agent_confirmation(Connection& c, int64_t id, int64_t now) {
  return c.run("UPDATE agent_confirmations SET used_at = ? WHERE id = ? AND used_at IS NULL", now, id) == 1;
}

}  // namespace bo::store
