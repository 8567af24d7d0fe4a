#include "domain/permissions.hpp"

namespace bo::domain {
namespace {
struct Entry {
  Permission permission;
  std::string_view name;
  Role minimum;
};

constexpr Entry kTable[] = {
    {Permission::read_orders, "orders.read", Role::viewer},
    {Permission::edit_orders, "orders.edit", Role::support},
    {Permission::refund_orders, "orders.refund", Role::finance},
    {Permission::check_in, "checkin", Role::support},
    {Permission::export_orders, "orders.export", Role::finance},
    {Permission::read_reports, "reports.read", Role::viewer},
    {Permission::export_reports, "reports.export", Role::finance},
    {Permission::reconcile, "reports.reconciliation", Role::finance},
    {Permission::import_orders, "imports", Role::admin},
    {Permission::manage_events, "settings.events", Role::admin},
    {Permission::manage_organisation, "settings.organisation", Role::admin},
    {Permission::manage_users, "settings.users", Role::admin},
    {Permission::manage_tokens, "settings.tokens", Role::admin},
    {Permission::read_audit_log, "settings.audit_log", Role::admin},
};

const Entry& entry(Permission p) {
  for (const auto& e : kTable)
    if (e.permission == p) return e;
  return kTable[0];
}
}  // namespace

Role minimum_role(Permission p) { return entry(p).minimum; }
bool allowed(Role role, Permission p) { return at_least(role, minimum_role(p)); }
std::string_view to_string(Permission p) { return entry(p).name; }

std::vector<std::string_view> permission_names(Role role) {
  std::vector<std::string_view> out;
  for (const auto& e : kTable)
    if (at_least(role, e.minimum)) out.push_back(e.name);
  return out;
}

}  // namespace bo::domain
