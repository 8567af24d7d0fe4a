#include "http/wire_reports.hpp"

#include "domain/money.hpp"
#include "http/csv_writer.hpp"
#include "http/wire.hpp"

namespace bo::http {
namespace {
json figures_json(const domain::RevenueFigures& f) {
  return {{"gross", f.gross},
          {"refunds", f.refunds},
          {"net", f.net()},
          {"fees", f.fees},
          {"tickets_sold", f.tickets_sold},
          {"tickets_cancelled", f.tickets_cancelled},
          {"tickets_refunded", f.tickets_refunded},
          {"tickets_checked_in", f.tickets_checked_in}};
}

json totals_json(const domain::ProviderTotals& t) {
  return {{"payments_in", t.payments_in},
          {"payments_count", t.payments_count},
          {"refunds_out", t.refunds_out},
          {"refunds_count", t.refunds_count},
          {"net", t.payments_in - t.refunds_out}};
}

json opt_text(const std::optional<std::string>& s) { return s ? json(*s) : json(nullptr); }
}  // namespace

json revenue_json(const services::RevenueReport& r) {
  json groups = json::array();
  for (const auto& g : r.groups) {
    json j = {{"key", g.key}, {"label", g.label}};
    j.update(figures_json(g.figures));
    groups.push_back(std::move(j));
  }
  return {{"currency", r.currency}, {"time_zone", r.time_zone}, {"from", r.from},        {"to", r.to},
          {"group_by", r.group_by}, {"totals", figures_json(r.totals)},                {"groups", groups}};
}

std::string revenue_csv(const services::RevenueReport& r) {
  int exp = domain::currency_exponent(r.currency).value_or(2);
  CsvWriter csv;
  csv.row({"key", "label", "gross", "refunds", "net", "fees", "tickets_sold", "tickets_cancelled", "tickets_refunded",
           "tickets_checked_in", "currency"});
  auto line = [&](const std::string& key, const std::string& label, const domain::RevenueFigures& f) {
    csv.row({key, label, csv_number(domain::format_decimal(f.gross, exp)),
             csv_number(domain::format_decimal(f.refunds, exp)), csv_number(domain::format_decimal(f.net(), exp)),
             csv_number(domain::format_decimal(f.fees, exp)), csv_number(std::to_string(f.tickets_sold)),
             csv_number(std::to_string(f.tickets_cancelled)), csv_number(std::to_string(f.tickets_refunded)),
             csv_number(std::to_string(f.tickets_checked_in)), r.currency});
  };
  for (const auto& g : r.groups) line(g.key, g.label, g.figures);
  line("total", "Total", r.totals);
  return csv.take();
}

json ledger_item_json(const domain::LedgerItem& i) {
  json j = {{"kind", i.kind},
            {"id", i.id},
            {"order_number", i.order_number},
            {"provider", i.provider},
            {"provider_ref", opt_text(i.provider_ref)},
            {"method", i.method},
            {"amount", i.amount},
            {"status", i.status},
            {"created_at", time_json(i.created_at)},
            {"completed_at", time_json(i.completed_at)}};
  if (i.kind == "refund") {
    j["reason"] = i.reason;
    j["error"] = opt_text(i.error);
  }
  return j;
}

json reconciliation_json(const services::ReconciliationReport& r) {
  json by = json::array();
  for (const auto& t : r.by_provider) {
    json j = {{"provider", t.provider}, {"method", t.method}};
    j.update(totals_json(t));
    by.push_back(std::move(j));
  }
  json exceptions = json::array();
  for (const auto& e : r.exceptions) {
    json j = {{"kind", e.kind},
              {"subject", e.subject},
              {"id", e.id ? json(*e.id) : json(nullptr)},
              {"order_number", e.order_number},
              {"provider", e.provider.empty() ? json(nullptr) : json(e.provider)},
              {"provider_ref", opt_text(e.provider_ref)},
              {"method", e.method.empty() ? json(nullptr) : json(e.method)},
              {"amount", e.amount},
              {"at", time_json(e.at)},
              {"message", e.message}};
    if (e.balance) {
      j["paid"] = e.balance->paid;
      j["tickets_total"] = e.balance->tickets_total;
      j["refunded"] = e.balance->refunded;
      j["order_status"] = e.balance->status;
    }
    exceptions.push_back(std::move(j));
  }
  json counts = json::object();
  for (const auto& [k, v] : r.exception_counts) counts[k] = v;
  json items = json::array();
  for (const auto& i : r.items) items.push_back(ledger_item_json(i));
  return {{"currency", r.currency},
          {"time_zone", r.time_zone},
          {"from", r.from},
          {"to", r.to},
          {"provider", r.provider.empty() ? json(nullptr) : json(r.provider)},
          {"totals", totals_json(r.totals)},
          {"by_provider", by},
          {"exceptions", exceptions},
          {"exception_counts", counts},
          {"items", items},
          {"next_cursor", r.next ? json(services::encode_ledger_cursor(*r.next)) : json(nullptr)}};
}

}  // namespace bo::http
