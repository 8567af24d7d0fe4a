#include "http/api.hpp"

namespace bo::http {
void add_api_routes(Routes& r, int64_t max_import_bytes, const std::string& metrics_token) {
  add_session_routes(r);
  add_order_routes(r);
  add_system_routes(r, metrics_token);
  add_action_routes(r);
  add_change_routes(r);
  add_public_routes(r);
  add_event_routes(r);
  add_organisation_routes(r);
  add_user_routes(r);
  add_invitation_routes(r);
  add_token_routes(r);
  add_audit_routes(r);
  add_report_routes(r);
  add_mcp_routes(r);
  add_import_routes(r, max_import_bytes);
}
}  // namespace bo::http
