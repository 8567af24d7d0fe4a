#pragma once
// Resend (SPEC 4.1): queues the existing valid tickets to the contact e-mail the operator confirmed.
// Never changes the order, its status, version or barcodes. At most `resend_per_hour` per order.
#include <string>

#include "domain/order.hpp"
#include "services/auth.hpp"
#include "services/context.hpp"

namespace bo::services {
// The same checks as resend_tickets without sending: the order to show the person.
domain::OrderAggregate preview_resend(Context& ctx, const Principal& p, std::string_view number,
                                      const std::string& confirmed_email);
// Returns the queued e-mail's id. Errors: the resend reason codes, email_mismatch, rate_limited.
int64_t resend_tickets(Context& ctx, const Principal& p, std::string_view number, const std::string& confirmed_email);
}  // namespace bo::services
