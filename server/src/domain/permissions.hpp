#pragma once
// What each role may do outside the ⋯ actions of an order (those are decided per order in actions.hpp).
// The one table of role requirements: services check it, /api/v1/me lists it for the clients.
#include <cstdint>
#include <string_view>
#include <vector>

#include "domain/role.hpp"

namespace bo::domain {

enum class Permission {
  read_orders,
  edit_orders,  // contact data and notes; resend, personalisation, cancelling an unpaid order
  refund_orders,  // refunds, and cancelling a paid order
  check_in,
  export_orders,
  read_reports,
  export_reports,
  reconcile,
  import_orders,
  manage_events,
  manage_organisation,
  manage_users,
  manage_tokens,
  read_audit_log,
};

Role minimum_role(Permission p);
bool allowed(Role role, Permission p);
// The name a client sees, e.g. "orders.export".
std::string_view to_string(Permission p);
// Everything `role` may do, by name.
std::vector<std::string_view> permission_names(Role role);

}  // namespace bo::domain
