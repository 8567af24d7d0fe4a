#pragma once
// Resend (SPEC 4.1): queues the existing valid tickets to the contact e-mail the operator confirmed.
// Never changes the order, its status, version or barcodes. At most `resend_per_hour` per order.
#include <string>

#include "services/auth.hpp"
#include "services/context.hpp"

namespace bo::services {
// Returns the queued e-mail's id. Errors: the resend reason codes, email_mismatch, rate_limited.
int64_t resend_tickets(Context& ctx, const Principal& p, std::string_view number, const std::string& confirmed_email);
}  // namespace bo::services
