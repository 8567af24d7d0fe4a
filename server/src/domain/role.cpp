#include "domain/role.hpp"

namespace bo::domain {
std::optional<Role> parse_role(std::string_view s) {
  if (s == "viewer") return Role::viewer;
  if (s == "support") return Role::support;
  if (s == "finance") return Role::finance;
  if (s == "admin") return Role::admin;
  return std::nullopt;
}
std::string_view to_string(Role r) {
  switch (r) {
    case Role::viewer: return "viewer";
    case Role::support: return "support";
    case Role::finance: return "finance";
    case Role::admin: return "admin";
  }
  return "viewer";
}
}  // namespace bo::domain
