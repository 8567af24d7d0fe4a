#include "domain/order_status.hpp"

#include <array>

namespace bo::domain {
namespace {
constexpr std::array<std::string_view, 8> kMethods{"card", "ideal", "bancontact", "paypal",
                                                   "bank_transfer", "cash", "invoice", "free"};
constexpr std::array<std::string_view, 5> kProviders{"stripe", "mollie", "demo", "manual", "none"};
}  // namespace

bool can_transition(OrderStatus from, OrderStatus to) {
  using S = OrderStatus;
  switch (from) {
    case S::pending: return to == S::paid || to == S::cancelled;
    case S::paid: return to == S::partially_refunded || to == S::refunded || to == S::cancelled;
    case S::partially_refunded: return to == S::partially_refunded || to == S::refunded || to == S::cancelled;
    case S::refunded:
    case S::cancelled: return false;
  }
  return false;
}

OrderStatus status_after_refunds(OrderStatus current, int64_t paid, int64_t refunded) {
  if (current == OrderStatus::cancelled || current == OrderStatus::pending) return current;
  if (refunded <= 0) return OrderStatus::paid;
  if (refunded >= paid) return OrderStatus::refunded;
  return OrderStatus::partially_refunded;
}

bool is_payment_method(std::string_view m) {
  for (auto x : kMethods)
    if (x == m) return true;
  return false;
}
bool is_provider(std::string_view p) {
  for (auto x : kProviders)
    if (x == p) return true;
  return false;
}
}  // namespace bo::domain
