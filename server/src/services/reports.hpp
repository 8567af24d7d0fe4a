#pragma once
// Revenue report and payment reconciliation for the caller's organisation, over local calendar days
// `from`..`to` (inclusive) in the organisation's time zone. Figures come from the payment and refund
// ledger, so a past period never changes when later refunds happen.
#include <optional>
#include <string>
#include <vector>

#include "domain/revenue.hpp"
#include "services/auth.hpp"
#include "services/context.hpp"
#include "store/reports.hpp"

namespace bo::services {

inline constexpr int kRevenueMaxDays = 731;
inline constexpr int kReconciliationMaxDays = 366;
inline constexpr int kReconciliationMaxExceptions = 500;

struct PeriodInput {
  std::optional<std::string> from, to;  // "YYYY-MM-DD"; default: the 30 days up to today
};

struct RevenueGroup {
  std::string key, label;
  domain::RevenueFigures figures;
};
struct RevenueReport {
  std::string currency, time_zone, from, to, group_by;
  domain::RevenueFigures totals;
  std::vector<RevenueGroup> groups;
};
// group_by: day, event, ticket_type, payment_method. Viewer role and up.
RevenueReport revenue_report(Context& ctx, const Principal& p, const PeriodInput& period, const std::string& group_by);
// The same report for a CSV download (finance and up).
RevenueReport revenue_export(Context& ctx, const Principal& p, const PeriodInput& period, const std::string& group_by);

struct ReconciliationException {
  std::string kind;     // failed_refund, refund_pending, missing_provider_ref, amount_mismatch, over_refunded,
                        // status_mismatch
  std::string subject;  // payment, refund, order
  std::optional<int64_t> id;
  std::string order_number, provider, method, message;
  std::optional<std::string> provider_ref;
  int64_t amount = 0;
  std::optional<int64_t> at;
  std::optional<domain::OrderBalance> balance;  // order exceptions
};
struct ReconciliationReport {
  std::string currency, time_zone, from, to, provider;
  std::vector<domain::ProviderTotals> by_provider;
  domain::ProviderTotals totals;
  std::vector<ReconciliationException> exceptions;  // at most kReconciliationMaxExceptions
  std::map<std::string, int64_t> exception_counts;  // all of them, per kind
  std::vector<domain::LedgerItem> items;
  std::optional<domain::LedgerCursor> next;
};
// Finance role and up. `cursor` continues `items` after an earlier page; limit 1..1000.
ReconciliationReport reconciliation_report(Context& ctx, const Principal& p, const PeriodInput& period,
                                           const std::string& provider, const std::optional<std::string>& cursor,
                                           int limit, bool with_summary = true);

std::string encode_ledger_cursor(const domain::LedgerCursor& c);

}  // namespace bo::services
