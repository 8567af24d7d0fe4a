#pragma once
// Listing, creating and revoking an organisation's API tokens (looked up for authentication in
// store/accounts.hpp). Only the SHA-256 of a token is stored, plus a short visible prefix.
#include <optional>
#include <string>
#include <vector>

#include "domain/people.hpp"
#include "store/accounts.hpp"

namespace bo::store {
using domain::TokenListItem;

// Unrevoked tokens, newest first.
std::vector<TokenListItem> list_tokens(Connection& c, int64_t org_id);
std::optional<TokenListItem> find_token_by_id(Connection& c, int64_t org_id, int64_t id);
int64_t count_active_tokens(Connection& c, int64_t org_id);
int64_t insert_token(Connection& c, int64_t org_id, std::string_view name, domain::Role role,
                     std::string_view token_hash, std::string_view prefix, std::optional<int64_t> created_by,
                     int64_t now);
// False when the token is unknown, of another organisation, or already revoked.
bool revoke_token(Connection& c, int64_t org_id, int64_t id, int64_t now);
// Revokes the unrevoked tokens a user made in this organisation; returns how many.
int64_t revoke_tokens_created_by(Connection& c, int64_t org_id, int64_t user_id, int64_t now);

}  // namespace bo::store
