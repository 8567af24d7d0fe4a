#pragma once
// The person's yes to an action an agent asks for, in one of two ways with the same guarantee: a
// confirmation token from a preview (any client), or an elicitation the server sends through the
// client (when it declared elicitation). Without either, nothing happens.
#include <functional>
#include <string>

#include "mcp/tools.hpp"

namespace bo::mcp {

// What the action will do, in the words shown to the person, and the order version it was read at.
struct Preview {
  int64_t version = 0;
  std::string message;
};

// Returns the order version to act on and records in call.who how the person confirmed. `digest_args`:
// the arguments the confirmation covers; `preview_tool`: where a confirmation token comes from. Errors:
// confirmation_required, confirmation_mismatch, order_changed, not_confirmed (declined, cancelled, no answer).
int64_t confirm(ToolCall& call, std::string_view number, std::string_view action, const json& digest_args,
                std::string_view preview_tool, const std::function<Preview()>& preview);

// What a resend confirmation covers: the address, compared as the resend compares it.
json resend_digest(std::string_view email);

// A confirmation token and its expiry for a preview's result.
json confirmation_json(ToolCall& call, const domain::Order& order, std::string_view action, const json& digest_args);

}  // namespace bo::mcp
