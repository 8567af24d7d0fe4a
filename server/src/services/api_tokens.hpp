#pragma once
// API tokens of an organisation (admin only): created with a name and a role, the text shown once
// ("bo_" + 32 random bytes, base64url), stored as SHA-256 with a visible prefix; revoked at once.
#include <string>
#include <vector>

#include "services/auth.hpp"
#include "services/context.hpp"
#include "store/api_tokens.hpp"

namespace bo::services {

inline constexpr int64_t kMaxTokensPerOrganisation = 100;

struct CreatedToken {
  domain::TokenListItem item;
  std::string secret;  // the whole token text; never stored
};

std::vector<domain::TokenListItem> list_tokens(Context& ctx, const Principal& p);
// `role` as text: viewer, support, finance or admin.
CreatedToken create_token(Context& ctx, const Principal& p, const std::string& name, const std::string& role);
// Throws not_found for unknown, already revoked or another organisation's tokens.
void revoke_token(Context& ctx, const Principal& p, int64_t id);

}  // namespace bo::services
