#pragma once
// Links that let a buyer fill in attendee details without logging in; only a hash of the token is kept.
#include <optional>
#include <string_view>

#include "store/db.hpp"

namespace bo::store {

struct PersonalisationLinkRow {
  int64_t organisation_id = 0, order_id = 0, expires_at = 0;
};

void insert_personalisation_link(Connection& c, int64_t org_id, int64_t order_id, std::string_view token_hash,
                                 int64_t expires_at, int64_t now);
std::optional<PersonalisationLinkRow> find_personalisation_link(Connection& c, std::string_view token_hash);

}  // namespace bo::store
