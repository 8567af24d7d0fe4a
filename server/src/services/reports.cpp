#include "services/reports.hpp"

#include <algorithm>

#include "common/error.hpp"
#include "domain/money.hpp"
#include "domain/order_status.hpp"
#include "domain/reconciliation.hpp"
#include "services/orders.hpp"
#include "store/parallel_reads.hpp"

namespace bo::services {
namespace {

struct Period {
  std::string from, to;
  int64_t start = 0, end = 0;  // [start, end) in UTC seconds
};

Period resolve(const Principal& p, const PeriodInput& in, int max_days, int64_t now) {
  const auto& zone = p.organisation.time_zone;
  std::map<std::string, std::string> errors;
  Period r;
  r.to = in.to.value_or(local_date(now, zone));
  if (!valid_date(r.to)) errors["to"] = "Use a date: YYYY-MM-DD.";
  if (in.from) {
    r.from = *in.from;
    if (!valid_date(r.from)) errors["from"] = "Use a date: YYYY-MM-DD.";
  } else if (errors.empty()) {
    r.from = *add_days(r.to, -29);
  }
  if (errors.empty()) {
    int days = days_between(r.from, r.to) + 1;
    if (days < 1) errors["to"] = "Must not be before from.";
    else if (days > max_days) errors["to"] = "At most " + std::to_string(max_days) + " days from from.";
  }
  if (!errors.empty()) throw validation_failed(errors);
  r.start = *local_midnight(r.from, zone);
  r.end = *local_midnight(*add_days(r.to, 1), zone);
  return r;
}

std::optional<store::RevenueDim> parse_dim(const std::string& s) {
  if (s == "day") return store::RevenueDim::none;
  if (s == "event") return store::RevenueDim::event;
  if (s == "ticket_type") return store::RevenueDim::ticket_type;
  if (s == "payment_method") return store::RevenueDim::payment_method;
  return std::nullopt;
}

std::string method_label(const std::string& m) {
  static const std::map<std::string, std::string> labels{
      {"card", "Card"},         {"ideal", "iDEAL"}, {"bancontact", "Bancontact"}, {"paypal", "PayPal"},
      {"bank_transfer", "Bank transfer"}, {"cash", "Cash"}, {"invoice", "Invoice"}, {"free", "Free"}};
  auto it = labels.find(m);
  return it == labels.end() ? m : it->second;
}

}  // namespace

RevenueReport revenue_export(Context& ctx, const Principal& p, const PeriodInput& in, const std::string& group_by) {
  require(p, domain::Permission::export_reports);
  return revenue_report(ctx, p, in, group_by);
}

RevenueReport revenue_report(Context& ctx, const Principal& p, const PeriodInput& in, const std::string& group_by) {
  require(p, domain::Permission::read_reports);
  auto dim = parse_dim(group_by);
  if (!dim) throw validation_failed({{"group_by", "One of day, event, ticket_type, payment_method."}});
  auto period = resolve(p, in, kRevenueMaxDays, ctx.clock.now());
  const auto& org = p.organisation;
  RevenueReport out{org.currency, org.time_zone, period.from, period.to, group_by, {}, {}};

  // The period is cut into one piece per core, read from one snapshot; every figure is a sum over time.
  const int parts = store::read_parts();
  auto& db = lagging_reads(ctx);
  if (group_by == "day") {
    std::vector<std::string> days;
    for (std::string day = period.from; days_between(day, period.to) >= 0; day = *add_days(day, 1)) days.push_back(day);
    out.groups.resize(days.size());
    store::read_in_parallel(db, parts, [&](int part, store::Connection& c) {
      for (size_t i = days.size() * part / parts; i < days.size() * (part + 1) / parts; ++i) {
        const auto& day = days[i];
        auto start = *local_midnight(day, org.time_zone), end = *local_midnight(*add_days(day, 1), org.time_zone);
        store::FiguresByKey figures;
        store::add_revenue(c, org.id, start, end, store::RevenueDim::none, figures);
        out.groups[i] = {day, day, figures[""]};
      }
    });
  } else {
    std::vector<store::FiguresByKey> pieces(static_cast<size_t>(parts));
    store::read_in_parallel(db, parts, [&](int part, store::Connection& c) {
      auto length = period.end - period.start;
      store::add_revenue(c, org.id, period.start + length * part / parts, period.start + length * (part + 1) / parts,
                         *dim, pieces[static_cast<size_t>(part)]);
    });
    store::FiguresByKey figures;
    for (const auto& piece : pieces)
      for (const auto& [key, f] : piece) figures[key] += f;
    auto c = db.acquire();
    std::map<std::string, std::string> events;
    std::map<std::string, store::TypeName> types;
    if (*dim == store::RevenueDim::event) events = store::event_names(*c, org.id);
    if (*dim == store::RevenueDim::ticket_type) types = store::ticket_type_names(*c, org.id);
    std::optional<RevenueGroup> unassigned;
    for (const auto& [key, f] : figures) {
      if (f.empty()) continue;
      RevenueGroup g{key, key, f};
      if (*dim == store::RevenueDim::event) {
        auto it = events.find(key);
        g.label = it == events.end() ? "Event " + key : it->second;
      } else if (*dim == store::RevenueDim::payment_method) {
        g.label = method_label(key);
      } else if (key == store::kUnassigned) {
        g.label = "Unassigned";
        unassigned = g;
        continue;
      } else {
        auto it = types.find(key);
        g.label = it == types.end() ? "Ticket type " + key : it->second.event + " — " + it->second.name;
      }
      out.groups.push_back(std::move(g));
    }
    std::sort(out.groups.begin(), out.groups.end(), [](const RevenueGroup& a, const RevenueGroup& b) {
      return a.label != b.label ? a.label < b.label : a.key < b.key;
    });
    if (unassigned) out.groups.push_back(*unassigned);
  }
  for (const auto& g : out.groups) out.totals += g.figures;
  return out;
}

std::string encode_ledger_cursor(const domain::LedgerCursor& c) {
  return std::to_string(c.at) + "." + std::to_string(c.kind) + "." + std::to_string(c.id);
}

namespace {
std::optional<domain::LedgerCursor> decode_ledger_cursor(const std::string& s) {
  domain::LedgerCursor c;
  long long at = 0, id = 0;
  int kind = 0, used = 0;
  if (std::sscanf(s.c_str(), "%lld.%d.%lld%n", &at, &kind, &id, &used) != 3 || used != static_cast<int>(s.size()) ||
      (kind != 0 && kind != 1))
    return std::nullopt;
  c.at = at;
  c.kind = kind;
  c.id = id;
  return c;
}

ReconciliationException exception_of(const std::string& kind, const domain::LedgerItem& i, std::string message) {
  ReconciliationException e;
  e.kind = kind;
  e.subject = i.kind;
  e.id = i.id;
  e.order_number = i.order_number;
  e.provider = i.provider;
  e.method = i.method;
  e.provider_ref = i.provider_ref;
  e.amount = i.amount;
  e.at = i.at;
  e.message = std::move(message);
  return e;
}
}  // namespace

ReconciliationReport reconciliation_report(Context& ctx, const Principal& p, const PeriodInput& in,
                                           const std::string& provider, const std::optional<std::string>& cursor,
                                           int limit, bool with_summary) {
  require(p, domain::Permission::reconcile);
  std::map<std::string, std::string> errors;
  if (!provider.empty() && !domain::is_provider(provider))
    errors["provider"] = "One of stripe, mollie, demo, manual, none.";
  if (limit < 1 || limit > 1000) errors["limit"] = "Between 1 and 1000.";
  std::optional<domain::LedgerCursor> after;
  if (cursor) {
    after = decode_ledger_cursor(*cursor);
    if (!after) errors["cursor"] = "Not a cursor from this API.";
  }
  if (!errors.empty()) throw validation_failed(errors);
  auto now = ctx.clock.now();
  auto period = resolve(p, in, kReconciliationMaxDays, now);
  const auto& org = p.organisation;
  ReconciliationReport out;
  out.currency = org.currency;
  out.time_zone = org.time_zone;
  out.from = period.from;
  out.to = period.to;
  out.provider = provider;

  auto c = lagging_reads(ctx).acquire();
  store::Transaction tx(*c, false);
  out.items = store::ledger_items(*c, org.id, provider, period.start, period.end, after, limit + 1);
  if (out.items.size() > static_cast<size_t>(limit)) {
    out.items.resize(static_cast<size_t>(limit));
    const auto& last = out.items.back();
    out.next = domain::LedgerCursor{last.at, last.kind == "payment" ? 0 : 1, last.id};
  }
  if (with_summary) {
    out.by_provider = store::provider_totals(*c, org.id, provider, period.start, period.end);
    for (const auto& t : out.by_provider) {
      out.totals.payments_in += t.payments_in;
      out.totals.payments_count += t.payments_count;
      out.totals.refunds_out += t.refunds_out;
      out.totals.refunds_count += t.refunds_count;
    }
    auto money = [&](int64_t v) { return domain::format_money(v, org.currency); };
    std::vector<ReconciliationException> all;
    for (const auto& r : store::failed_refunds(*c, org.id, provider, period.start, period.end))
      all.push_back(exception_of("failed_refund", r,
                                 "Refund of " + money(r.amount) + " failed" + (r.error ? ": " + *r.error : ".")));
    for (const auto& r : store::pending_refunds(*c, org.id, provider, period.start, period.end, now - 86400)) {
      auto e = exception_of("refund_pending", r,
                            "Refund of " + money(r.amount) + " pending for " +
                                std::to_string((now - r.created_at) / 3600) + " hours.");
      e.at = r.created_at;
      all.push_back(std::move(e));
    }
    for (const auto& i : store::missing_provider_refs(*c, org.id, provider, period.start, period.end))
      all.push_back(exception_of("missing_provider_ref", i,
                                 std::string(i.kind == "payment" ? "Payment" : "Refund") + " of " + money(i.amount) +
                                     " through " + i.provider + " has no provider reference."));
    for (const auto& b : store::order_balances(*c, org.id, provider, period.start, period.end)) {
      auto status = domain::parse_state<domain::OrderStatus>(b.status);
      if (!status) continue;
      for (auto& problem : domain::balance_problems(*status, b.paid, b.tickets_total, b.refunded, org.currency)) {
        ReconciliationException e;
        e.kind = problem.kind;
        e.subject = "order";
        e.order_number = b.number;
        e.message = std::move(problem.message);
        e.amount = b.paid - b.refunded;
        e.balance = b;
        all.push_back(std::move(e));
      }
    }
    for (const auto& e : all) out.exception_counts[e.kind] += 1;
    if (all.size() > static_cast<size_t>(kReconciliationMaxExceptions)) all.resize(kReconciliationMaxExceptions);
    out.exceptions = std::move(all);
  }
  tx.commit();
  return out;
}

}  // namespace bo::services
