#pragma once
// What does not add up on one order, given its all-time ledger sums: paid (paid payments), what its
// tickets cost (price + fee of every ticket, at sale), refunded (succeeded refunds), and its status.
#include <cstdint>
#include <string>
#include <vector>

#include "domain/order_status.hpp"

namespace bo::domain {

struct BalanceProblem {
  std::string kind;  // amount_mismatch, over_refunded, status_mismatch
  std::string message;
};

std::vector<BalanceProblem> balance_problems(OrderStatus status, int64_t paid, int64_t tickets_total,
                                             int64_t refunded, const std::string& currency);

}  // namespace bo::domain
