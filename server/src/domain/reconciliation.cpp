#include "domain/reconciliation.hpp"

#include "domain/money.hpp"

namespace bo::domain {

std::vector<BalanceProblem> balance_problems(OrderStatus status, int64_t paid, int64_t tickets_total,
                                             int64_t refunded, const std::string& currency) {
  std::vector<BalanceProblem> out;
  auto money = [&](int64_t v) { return format_money(v, currency); };
  if (paid != tickets_total)
    out.push_back({"amount_mismatch", "Paid " + money(paid) + " but the tickets add up to " + money(tickets_total) + "."});
  if (refunded > paid)
    out.push_back({"over_refunded", "Refunded " + money(refunded) + ", more than the " + money(paid) + " paid."});
  if (status == OrderStatus::pending) {
    if (paid > 0) out.push_back({"status_mismatch", "The order is pending but " + money(paid) + " was paid."});
  } else if (status != OrderStatus::cancelled) {
    auto expected = status_after_refunds(status, paid, refunded);
    if (expected != status)
      out.push_back({"status_mismatch", "The order is " + std::string(to_string(status)) + " but paid " + money(paid) +
                                            " and refunded " + money(refunded) + " make it " +
                                            std::string(to_string(expected)) + "."});
  }
  return out;
}

}  // namespace bo::domain
