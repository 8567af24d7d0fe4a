#pragma once
// Check-in (SPEC §6): the answer at the gate for a scanned barcode, recording the first valid scan.
#include <optional>
#include <string>

#include "domain/order.hpp"
#include "services/auth.hpp"
#include "services/context.hpp"

namespace bo::services {
struct CheckinResult {
  std::string result;  // valid, already_checked_in, cancelled, refunded, not_paid, replaced (by an order change), unknown
  std::optional<domain::Ticket> ticket;
  std::string order_number, event_name;
};
// `record` false: the same answer without recording the scan (a preview).
CheckinResult check_in(Context& ctx, const Principal& p, const std::string& barcode, bool record = true);
}  // namespace bo::services
