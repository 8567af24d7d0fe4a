#pragma once
// Order, ticket, payment and refund states and the order status machine:
// pending → paid → partially_refunded → refunded; pending/paid/partially_refunded → cancelled.
#include <cstdint>
#include <optional>
#include <string_view>

namespace bo::domain {
enum class OrderStatus { pending, paid, partially_refunded, refunded, cancelled };
enum class TicketStatus { valid, cancelled, refunded };

std::optional<OrderStatus> parse_order_status(std::string_view s);
std::string_view to_string(OrderStatus s);
std::optional<TicketStatus> parse_ticket_status(std::string_view s);
std::string_view to_string(TicketStatus s);

bool can_transition(OrderStatus from, OrderStatus to);
// The status implied by the money once refunds succeed: a cancelled or pending order keeps its status;
// otherwise refunded == paid → refunded, some refunded → partially_refunded, none → paid.
OrderStatus status_after_refunds(OrderStatus current, int64_t paid, int64_t refunded);

bool is_payment_method(std::string_view m);
bool is_provider(std::string_view p);
}  // namespace bo::domain
