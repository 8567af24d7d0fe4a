#pragma once
// The users of one organisation (memberships with their account), and password changes.
#include <optional>
#include <string>
#include <vector>

#include "domain/people.hpp"
#include "domain/role.hpp"
#include "store/db.hpp"

namespace bo::store {
using domain::Member;

// By e-mail address.
std::vector<Member> list_members(Connection& c, int64_t org_id);
std::optional<Member> find_member(Connection& c, int64_t org_id, int64_t user_id);
std::optional<Member> find_member_by_email(Connection& c, int64_t org_id, std::string_view email);
int64_t count_members(Connection& c, int64_t org_id);
// Admins enabled in this organisation.
int64_t count_active_admins(Connection& c, int64_t org_id);
// Ids of every organisation the user belongs to.
std::vector<int64_t> organisations_of_user(Connection& c, int64_t user_id);
void delete_membership(Connection& c, int64_t org_id, int64_t user_id);
void set_membership_disabled(Connection& c, int64_t org_id, int64_t user_id, bool disabled);
void set_password_hash(Connection& c, int64_t user_id, std::string_view hash);
void delete_sessions_of_user_except(Connection& c, int64_t user_id, int64_t keep_session_id);
// Takes the organisation's row lock (PostgreSQL) so that membership checks and changes serialise.
void lock_organisation(Connection& c, int64_t org_id);

}  // namespace bo::store
