#pragma once
// The order status machine:
// pending → paid → partially_refunded → refunded; pending/paid/partially_refunded → cancelled.
#include <cstdint>
#include <optional>
#include <string_view>

#include "domain/states.hpp"

namespace bo::domain {

bool can_transition(OrderStatus from, OrderStatus to);
// The status implied by the money once refunds succeed: a cancelled or pending order keeps its status;
// otherwise refunded == paid → refunded, some refunded → partially_refunded, none → paid.
OrderStatus status_after_refunds(OrderStatus current, int64_t paid, int64_t refunded);

bool is_payment_method(std::string_view m);
bool is_provider(std::string_view p);
}  // namespace bo::domain
