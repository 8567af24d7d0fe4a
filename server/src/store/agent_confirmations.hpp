#pragma once
// Confirmations given to agents as tokens (see 011_agent_confirmations.sql). Tokens are stored as SHA-256 only.
#include <optional>
#include <string>

#include "store/db.hpp"

namespace bo::store {

struct AgentConfirmation {
  int64_t id = 0, organisation_id = 0, order_id = 0;
  std::string caller_kind;
  int64_t caller_id = 0;
  std::string action;
  int64_t order_version = 0;
  std::string args_digest;
  int64_t expires_at = 0;
  std::optional<int64_t> used_at;
};

// Also removes this organisation's confirmations that expired more than a day ago.
void insert_agent_confirmation(Connection& c, const AgentConfirmation& in, std::string_view token_hash, int64_t now);
std::optional<AgentConfirmation> find_agent_confirmation(Connection& c, int64_t org_id, std::string_view token_hash);
// Marks it used; false when it was used already (by a concurrent call).
bool use_agent_confirmation(Connection& c, int64_t id, int64_t now);

}  // namespace bo::store
