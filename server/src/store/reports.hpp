#pragma once
// Report queries over the payment and refund ledger and the ticket facts that never change once
// written (paid_at, cancelled_at, checked_in_at, a refund's completion). Times are [from, to) in UTC seconds.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/ledger.hpp"
#include "domain/revenue.hpp"
#include "store/db.hpp"

namespace bo::store {
using domain::LedgerItem;
using domain::LedgerCursor;
using domain::ProviderTotals;
using domain::OrderBalance;

enum class RevenueDim { none, event, ticket_type, payment_method };
inline constexpr const char* kUnassigned = "unassigned";

// Key: "" (none), event id, ticket type id or kUnassigned, payment method.
using FiguresByKey = std::map<std::string, domain::RevenueFigures>;

// Adds every figure of [from, to) to `out`, grouped by `dim`.
void add_revenue(Connection& c, int64_t org, int64_t from, int64_t to, RevenueDim dim, FiguresByKey& out);

std::map<std::string, std::string> event_names(Connection& c, int64_t org);
struct TypeName {
  std::string name, event;
};
std::map<std::string, TypeName> ticket_type_names(Connection& c, int64_t org);

// Payments by paid_at, refunds by completion (or creation while pending), ordered by (at, kind, id).
std::vector<LedgerItem> ledger_items(Connection& c, int64_t org, const std::string& provider, int64_t from, int64_t to,
                                     const std::optional<LedgerCursor>& after, int limit);

std::vector<ProviderTotals> provider_totals(Connection& c, int64_t org, const std::string& provider, int64_t from,
                                            int64_t to);

std::vector<LedgerItem> failed_refunds(Connection& c, int64_t org, const std::string& provider, int64_t from, int64_t to);
// Pending refunds created in [from, to) before `created_before`.
std::vector<LedgerItem> pending_refunds(Connection& c, int64_t org, const std::string& provider, int64_t from,
                                        int64_t to, int64_t created_before);
// Paid payments and succeeded refunds through stripe, mollie or demo without a provider reference.
std::vector<LedgerItem> missing_provider_refs(Connection& c, int64_t org, const std::string& provider, int64_t from,
                                              int64_t to);

std::vector<OrderBalance> order_balances(Connection& c, int64_t org, const std::string& provider, int64_t from,
                                         int64_t to);

}  // namespace bo::store
