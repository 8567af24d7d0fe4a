#pragma once
// Roles within an organisation, each including the ones before it: viewer < support < finance < admin.
#include <cstdint>
#include <optional>
#include <string_view>

namespace bo::domain {
enum class Role { viewer = 0, support = 1, finance = 2, admin = 3 };

std::optional<Role> parse_role(std::string_view s);
std::string_view to_string(Role r);
inline bool at_least(Role have, Role need) { return static_cast<int>(have) >= static_cast<int>(need); }
}  // namespace bo::domain
