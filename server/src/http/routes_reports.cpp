// Reports: revenue (JSON and CSV) and payment reconciliation (JSON and CSV).
#include <atomic>

#include "common/error.hpp"
#include "domain/money.hpp"
#include "http/api.hpp"
#include "http/csv_writer.hpp"
#include "http/wire.hpp"
#include "http/wire_reports.hpp"
#include "services/orders.hpp"
#include "services/reports.hpp"

namespace bo::http {
namespace {

constexpr size_t kCsvMaxRows = 1000000;
constexpr int kMaxReportsAtOnce = 2;

// A report over a long period can take seconds; at most two are computed at once, so that reports never
// occupy every HTTP worker. The others answer 429 at once.
class ReportSlot {
 public:
  ReportSlot() {
    if (active().fetch_add(1) >= kMaxReportsAtOnce) {
      active().fetch_sub(1);
      throw Error("rate_limited", "Other reports are being prepared. Try again in a moment.");
    }
  }
  ~ReportSlot() { active().fetch_sub(1); }
  ReportSlot(const ReportSlot&) = delete;
  ReportSlot& operator=(const ReportSlot&) = delete;

 private:
  static std::atomic<int>& active() {
    static std::atomic<int> n{0};
    return n;
  }
};

services::PeriodInput period_of(const Request& req) { return {req.q("from"), req.q("to")}; }

services::RevenueReport revenue(Call& call) {
  ReportSlot slot;
  return services::revenue_report(call.ctx, call.who(), period_of(call.req), call.req.q("group_by").value_or("day"));
}

int limit_of(const Request& req) {
  auto l = req.q("limit");
  if (!l) return 200;
  try {
    size_t used = 0;
    int v = std::stoi(*l, &used);
    return used == l->size() ? v : 0;
  } catch (...) {
    return 0;
  }
}

Response csv_response(std::string body, const std::string& name) {
  Response res;
  res.content_type = "text/csv; charset=utf-8";
  res.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + name + "\"");
  res.body = std::move(body);
  return res;
}

}  // namespace

void add_report_routes(Routes& r) {
  r.add("GET", "/api/v1/reports/revenue", [](Call& call) {
    return Response::json_body(revenue_json(revenue(call)));
  }).accepts({"from", "to", "group_by"});

  r.add("GET", "/api/v1/reports/revenue.csv", [](Call& call) {
    ReportSlot slot;
    auto report = services::revenue_export(call.ctx, call.who(), period_of(call.req), call.req.q("group_by").value_or("day"));
    return csv_response(revenue_csv(report),
                        "revenue-" + report.group_by + "-" + report.from + "-" + report.to + ".csv");
  }).accepts({"from", "to", "group_by"});

  r.add("GET", "/api/v1/reports/reconciliation", [](Call& call) {
    const auto& req = call.req;
    ReportSlot slot;
    auto report = services::reconciliation_report(call.ctx, call.who(), period_of(req), req.q("provider").value_or(""),
                                                  req.q("cursor"), limit_of(req));
    return Response::json_body(reconciliation_json(report));
  }).accepts({"from", "to", "provider", "cursor", "limit"});

  r.add("GET", "/api/v1/reports/reconciliation.csv", [](Call& call) {
    const auto& req = call.req;
    auto provider = req.q("provider").value_or("");
    ReportSlot slot;
    int exp = domain::currency_exponent(call.who().organisation.currency).value_or(2);
    CsvWriter csv;
    csv.row({"kind", "id", "order_number", "provider", "provider_ref", "method", "amount", "currency", "status",
             "created_at", "completed_at", "reason", "error"});
    std::optional<std::string> cursor;
    std::string from, to;
    size_t rows = 0;
    do {
      auto page = services::reconciliation_report(call.ctx, call.who(), period_of(req), provider, cursor, 1000, false);
      from = page.from;
      to = page.to;
      for (const auto& i : page.items)
        csv.row({i.kind, csv_number(std::to_string(i.id)), i.order_number, i.provider, i.provider_ref.value_or(""),
                 i.method, csv_number(domain::format_decimal(i.amount, exp)), page.currency, i.status,
                 iso_utc(i.created_at), i.completed_at ? iso_utc(*i.completed_at) : "", i.reason,
                 i.error.value_or("")});
      rows += page.items.size();
      cursor = page.next ? std::optional(services::encode_ledger_cursor(*page.next)) : std::nullopt;
    } while (cursor && rows < kCsvMaxRows);
    return csv_response(csv.take(), "reconciliation-" + (provider.empty() ? "all" : provider) + "-" + from + "-" +
                                        to + ".csv");
  }).accepts({"from", "to", "provider"});
}
}  // namespace bo::http
