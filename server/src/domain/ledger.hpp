#pragma once
// Payments and refunds as the reconciliation ledger lists them, and the sums per provider and order.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace bo::domain {

// Reconciliation. `provider` empty means every provider.
struct LedgerItem {
  std::string kind;  // payment, refund
  int64_t id = 0, at = 0, amount = 0, created_at = 0;
  std::optional<int64_t> completed_at;
  std::string order_number, provider, method, status, reason;
  std::optional<std::string> provider_ref, error;
};

struct LedgerCursor {
  int64_t at = 0;
  int kind = 0;  // 0 payment, 1 refund
  int64_t id = 0;
};

struct ProviderTotals {
  std::string provider, method;
  int64_t payments_in = 0, payments_count = 0, refunds_out = 0, refunds_count = 0;
};

// Orders with a paid payment or a succeeded refund in [from, to), with their all-time sums.
struct OrderBalance {
  std::string number, status;
  int64_t paid = 0, tickets_total = 0, refunded = 0;
};

}  // namespace bo::domain
