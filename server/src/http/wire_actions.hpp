#pragma once
// JSON of the ⋯ actions, read and written the same way by the API and the agent interface.
#include <nlohmann/json.hpp>

#include "services/cancel_order.hpp"
#include "services/personalisation.hpp"
#include "services/refunds.hpp"

namespace bo::http {
using nlohmann::json;

json personalisation_json(const services::PersonalisationView& v);
// {tickets: [{ticket_id, values: {key: text or null}}]}; Error validation_failed naming the field.
services::AttendeeInput attendee_input_from(const json& body);
// The body of a refund: ticket_ids, amount, reason, keep_tickets_valid; `with_version`: expected_version too.
// The most tickets one refund names (the agent's refund tools say the same in their schema).
inline constexpr size_t kMaxRefundTickets = 1000;
services::RefundInput refund_input_from(const json& body, bool with_version = true);
// The body of a cancellation: refund_amount, notify_customer, reason; `with_version`: expected_version too.
services::CancelInput cancel_input_from(const json& body, bool with_version = true);
}  // namespace bo::http
