#pragma once
// JSON and CSV shapes of the reports (docs/api.md, "Reports").
#include <nlohmann/json.hpp>

#include "services/reports.hpp"

namespace bo::http {
using nlohmann::json;

json revenue_json(const services::RevenueReport& r);
// One row per group plus a total row; amounts as decimals of the currency.
std::string revenue_csv(const services::RevenueReport& r);
json reconciliation_json(const services::ReconciliationReport& r);
json ledger_item_json(const domain::LedgerItem& i);
}  // namespace bo::http
