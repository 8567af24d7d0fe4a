#pragma once
// A person's yes to one action, carried by an agent from a preview to the action as a token: bound to the
// caller, the order and its version, the action and a digest of its arguments; single use; expires after
// 10 minutes; kept in the database, so any node accepts it.
#include <string>

#include <nlohmann/json.hpp>

#include "services/auth.hpp"
#include "services/context.hpp"

namespace bo::services {

inline constexpr int64_t kConfirmationSeconds = 600;

struct IssuedConfirmation {
  std::string token;
  int64_t expires_at = 0;
};
// `args`: the action's arguments as the action reads them (the same JSON when the action is called).
IssuedConfirmation issue_confirmation(Context& ctx, const Principal& p, const domain::Order& order,
                                      std::string_view action, const nlohmann::json& args);

// Uses the token up and returns the order version it was given for. Errors: confirmation_required (unknown,
// expired, used, or given to another caller, order or action), confirmation_mismatch (other arguments),
// order_changed (the order moved on since the preview).
int64_t redeem_confirmation(Context& ctx, const Principal& p, std::string_view number, std::string_view token,
                            std::string_view action, const nlohmann::json& args);

}  // namespace bo::services
