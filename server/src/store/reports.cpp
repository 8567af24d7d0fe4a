#include "store/reports.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <functional>
#include <unordered_map>

namespace bo::store {
namespace {

// Figures are summed by the engine when there is one group (the whole period, or one day); by event,
// ticket type or payment method the rows are streamed and summed here, because a GROUP BY over an
// expression or a joined column makes SQLite sort every row first (three times slower at scale).
// `sql` selects the group key first (text for payment methods, an integer id otherwise), then the values.
void sum_rows(Connection& c, RevenueDim dim, const std::string& sql, int64_t org, int64_t from, int64_t to,
              FiguresByKey& out, const std::function<void(domain::RevenueFigures&, const Row&)>& add) {
  const Param params[] = {org, from, to};
  if (dim == RevenueDim::none) {
    for (const auto& r : c.query(sql, params)) add(out[""], r);
    return;
  }
  std::map<int64_t, domain::RevenueFigures> by_id;
  std::map<std::string, domain::RevenueFigures, std::less<>> by_text;
  c.each(sql, params, [&](const Row& r) {
    if (dim == RevenueDim::payment_method) add(by_text[r.text(0)], r);
    else add(by_id[r.i64(0)], r);
  });
  for (const auto& [k, f] : by_id) out[std::to_string(k)] += f;
  for (const auto& [k, f] : by_text) out[k] += f;
}

// The organisation's ticket types, whose figures are read one type at a time through tickets_type.
std::vector<Param> ticket_type_keys(Connection& c, int64_t org) {
  std::vector<Param> keys;
  for (const auto& r : c.select("SELECT id FROM ticket_types WHERE organisation_id = ? ORDER BY id", org))
    keys.emplace_back(r.i64(0));
  return keys;
}

std::string key_text(const Param& p) {
  if (auto* i = p.integer()) return std::to_string(*i);
  return std::string(p.text());
}

// `sql` sums one key's rows; its parameters are the organisation, the key, from and to.
void sum_per_key(Connection& c, const std::vector<Param>& keys, const std::string& sql, int64_t org, int64_t from,
                 int64_t to, FiguresByKey& out,
                 const std::function<void(domain::RevenueFigures&, const Row&)>& add) {
  for (const auto& k : keys) {
    const Param params[] = {org, k, from, to};
    domain::RevenueFigures f;
    for (const auto& r : c.query(sql, params)) add(f, r);
    if (!f.empty()) out[key_text(k)] += f;
  }
}

// The key column of a row: nothing for one group, else the column for the dimension.
std::string key(RevenueDim dim, const char* event, const char* method, const char* type) {
  switch (dim) {
    case RevenueDim::event: return std::string(event) + ", ";
    case RevenueDim::payment_method: return std::string(method) + ", ";
    case RevenueDim::ticket_type: return std::string(type) + ", ";
    case RevenueDim::none: break;
  }
  return "'', ";
}

// Values: summed by the engine for one group, as they are otherwise.
std::string val(RevenueDim dim, const std::string& expr) {
  return dim == RevenueDim::none ? "COALESCE(SUM(" + expr + "), 0)" : expr;
}

// The number of ids in a refund's ticket_ids (a compact JSON array of integers, "[]" when none).
constexpr const char* kRefundedTickets =
    "CASE WHEN r.keep_tickets_valid = 0 AND r.ticket_ids <> '[]' "
    "THEN LENGTH(r.ticket_ids) - LENGTH(REPLACE(r.ticket_ids, ',', '')) + 1 ELSE 0 END";

void add_gross(Connection& c, int64_t org, int64_t from, int64_t to, RevenueDim dim, FiguresByKey& out) {
  // By ticket type the payments are split in add_sales; the whole amount starts as unassigned.
  auto d = dim == RevenueDim::ticket_type ? RevenueDim::none : dim;
  std::string sql = "SELECT " + key(d, "o.event_id", "p.method", "") + val(d, "p.amount") + " FROM payments p" +
                    (d == RevenueDim::event ? " JOIN orders o ON o.id = p.order_id" : "") +
                    " WHERE p.organisation_id = ? AND p.paid_at >= ? AND p.paid_at < ? AND p.status = 'paid'";
  FiguresByKey sums;
  sum_rows(c, d, sql, org, from, to, sums, [](domain::RevenueFigures& f, const Row& r) { f.gross += r.i64(1); });
  for (const auto& [k, f] : sums)
    if (f.gross != 0) out[dim == RevenueDim::ticket_type ? kUnassigned : k].gross += f.gross;
}

// Tickets and fees of the orders paid in the period; by ticket type also each ticket's price + fee as its
// share of the gross, the rest of the payments staying unassigned.
void add_sales(Connection& c, int64_t org, int64_t from, int64_t to, RevenueDim dim, FiguresByKey& out) {
  if (dim == RevenueDim::ticket_type) {
    // Tickets carry their order's payment time (007_ticket_paid_at.sql).
    FiguresByKey sums;
    sum_per_key(c, ticket_type_keys(c, org),
                "SELECT COALESCE(SUM(t.price), 0), COALESCE(SUM(t.fee), 0), COUNT(*) FROM tickets t "
                "WHERE t.organisation_id = ? AND t.ticket_type_id = ? AND t.paid_at >= ? AND t.paid_at < ?",
                org, from, to, sums, [](domain::RevenueFigures& f, const Row& r) {
                  f.gross += r.i64(0) + r.i64(1);
                  f.fees += r.i64(1);
                  f.tickets_sold += r.i64(2);
                });
    for (const auto& [k, f] : sums) {
      out[k] += f;
      out[kUnassigned].gross -= f.gross;
    }
    return;
  }
  std::string sql = "SELECT " + key(dim, "o.event_id", "o.payment_method", "") + val(dim, "o.total_fees") + ", " +
                    val(dim, "o.ticket_count") +
                    " FROM orders o WHERE o.organisation_id = ? AND o.paid_at >= ? AND o.paid_at < ?";
  sum_rows(c, dim, sql, org, from, to, out, [](domain::RevenueFigures& f, const Row& r) {
    f.fees += r.i64(1);
    f.tickets_sold += r.i64(2);
  });
}

std::vector<int64_t> parse_ids(const std::string& text) {
  std::vector<int64_t> ids;
  auto j = nlohmann::json::parse(text, nullptr, false);
  if (j.is_array())
    for (const auto& v : j)
      if (v.is_number_integer()) ids.push_back(v.get<int64_t>());
  return ids;
}

// Refunds by ticket type: a refund that names tickets goes to their types (domain::split_ticket_refund),
// the rest and amount-only refunds stay unassigned.
void add_refunds_by_type(Connection& c, int64_t org, int64_t from, int64_t to, FiguresByKey& out) {
  struct Ticket {
    int64_t type, price, fee;
  };
  struct Refund {
    int64_t amount = 0;
    bool keep_valid = false;
    std::vector<int64_t> ids;
    std::unordered_map<int64_t, Ticket> tickets;
  };
  std::vector<Refund> refunds;
  std::unordered_map<int64_t, size_t> by_id;  // rows of one refund need not come together (no sorting)
  c.each("SELECT r.id, r.amount, r.ticket_ids, r.keep_tickets_valid, t.id, t.ticket_type_id, t.price, t.fee "
         "FROM refunds r LEFT JOIN tickets t ON t.order_id = r.order_id AND r.ticket_ids <> '[]' "
         "WHERE r.organisation_id = ? AND r.completed_at >= ? AND r.completed_at < ? AND r.status = 'succeeded'",
         std::vector<Param>{org, from, to}, [&](const Row& r) {
           auto [it, added] = by_id.try_emplace(r.i64(0), refunds.size());
           if (added) refunds.push_back({r.i64(1), r.boolean(3), parse_ids(r.text(2)), {}});
           if (!r.null(4)) refunds[it->second].tickets[r.i64(4)] = {r.i64(5), r.i64(6), r.i64(7)};
         });
  for (const auto& rf : refunds) {
    std::vector<domain::TicketAmount> amounts;
    std::vector<int64_t> types;
    for (auto id : rf.ids) {
      auto it = rf.tickets.find(id);
      if (it == rf.tickets.end()) continue;
      amounts.push_back({it->second.price, it->second.fee});
      types.push_back(it->second.type);
    }
    auto split = domain::split_ticket_refund(rf.amount, amounts);
    for (size_t i = 0; i < types.size(); ++i) {
      auto& f = out[std::to_string(types[i])];
      f.refunds += split.per_ticket[i];
      if (!rf.keep_valid) f.tickets_refunded += 1;
    }
    if (split.unassigned != 0) out[kUnassigned].refunds += split.unassigned;
  }
}

void add_refunds(Connection& c, int64_t org, int64_t from, int64_t to, RevenueDim dim, FiguresByKey& out) {
  if (dim == RevenueDim::ticket_type) return add_refunds_by_type(c, org, from, to, out);
  // A refund's payment method is its payment's; the order's only for a refund without a payment.
  const char* method = "COALESCE(p.method, (SELECT x.payment_method FROM orders x WHERE x.id = r.order_id))";
  std::string joins = dim == RevenueDim::event            ? " JOIN orders o ON o.id = r.order_id"
                      : dim == RevenueDim::payment_method ? " LEFT JOIN payments p ON p.id = r.payment_id"
                                                          : "";
  std::string sql = "SELECT " + key(dim, "o.event_id", method, "") +
                    val(dim, "r.amount") + ", " + val(dim, kRefundedTickets) + " FROM refunds r" + joins +
                    " WHERE r.organisation_id = ? AND r.completed_at >= ? AND r.completed_at < ? "
                    "AND r.status = 'succeeded'";
  sum_rows(c, dim, sql, org, from, to, out, [](domain::RevenueFigures& f, const Row& r) {
    f.refunds += r.i64(1);
    f.tickets_refunded += r.i64(2);
  });
}

void add_cancelled(Connection& c, int64_t org, int64_t from, int64_t to, RevenueDim dim, FiguresByKey& out) {
  std::string sql = "SELECT " + key(dim, "o.event_id", "o.payment_method", "t.ticket_type_id") +
                    (dim == RevenueDim::none ? "COUNT(*)" : "1") +
                    " FROM orders o JOIN tickets t ON t.order_id = o.id "
                    "WHERE o.organisation_id = ? AND o.cancelled_at >= ? AND o.cancelled_at < ? "
                    "AND t.status = 'cancelled'";
  sum_rows(c, dim, sql, org, from, to, out,
           [](domain::RevenueFigures& f, const Row& r) { f.tickets_cancelled += r.i64(1); });
}

void add_checked_in(Connection& c, int64_t org, int64_t from, int64_t to, RevenueDim dim, FiguresByKey& out) {
  bool join = dim == RevenueDim::event || dim == RevenueDim::payment_method;
  std::string sql = "SELECT " + key(dim, "o.event_id", "o.payment_method", "t.ticket_type_id") +
                    (dim == RevenueDim::none ? "COUNT(*)" : "1") + " FROM tickets t" +
                    (join ? " JOIN orders o ON o.id = t.order_id" : "") +
                    " WHERE t.organisation_id = ? AND t.checked_in_at >= ? AND t.checked_in_at < ?";
  sum_rows(c, dim, sql, org, from, to, out,
           [](domain::RevenueFigures& f, const Row& r) { f.tickets_checked_in += r.i64(1); });
}

}  // namespace

void add_revenue(Connection& c, int64_t org, int64_t from, int64_t to, RevenueDim dim, FiguresByKey& out) {
  add_gross(c, org, from, to, dim, out);
  add_sales(c, org, from, to, dim, out);
  add_refunds(c, org, from, to, dim, out);
  add_cancelled(c, org, from, to, dim, out);
  add_checked_in(c, org, from, to, dim, out);
}

std::map<std::string, std::string> event_names(Connection& c, int64_t org) {
  std::map<std::string, std::string> out;
  for (const auto& r : c.select("SELECT id, name FROM events WHERE organisation_id = ?", org)) out[r.text(0)] = r.text(1);
  return out;
}

std::map<std::string, TypeName> ticket_type_names(Connection& c, int64_t org) {
  std::map<std::string, TypeName> out;
  for (const auto& r : c.select("SELECT tt.id, tt.name, e.name FROM ticket_types tt JOIN events e ON e.id = tt.event_id "
                           "WHERE tt.organisation_id = ?",
                           org))
    out[r.text(0)] = {r.text(1), r.text(2)};
  return out;
}

namespace {
constexpr const char* kPaymentColumns =
    "p.id, p.paid_at, p.amount, p.created_at, p.paid_at, o.number, p.provider, p.method, p.status, '', "
    "p.provider_ref, NULL";
constexpr const char* kRefundColumns =
    "r.id, COALESCE(r.completed_at, r.created_at), r.amount, r.created_at, r.completed_at, o.number, r.provider, "
    "COALESCE(p.method, o.payment_method), r.status, r.reason, r.provider_ref, r.error";
constexpr const char* kRefundFrom =
    " FROM refunds r JOIN orders o ON o.id = r.order_id LEFT JOIN payments p ON p.id = r.payment_id ";

LedgerItem item_of(const Row& r, const char* kind) {
  LedgerItem i;
  i.kind = kind;
  i.id = r.i64(0);
  i.at = r.i64(1);
  i.amount = r.i64(2);
  i.created_at = r.i64(3);
  i.completed_at = r.opt_i64(4);
  i.order_number = r.text(5);
  i.provider = r.text(6);
  i.method = r.text(7);
  i.status = r.text(8);
  i.reason = r.text(9);
  i.provider_ref = r.opt_text(10);
  i.error = r.opt_text(11);
  return i;
}
}  // namespace

std::vector<LedgerItem> ledger_items(Connection& c, int64_t org, const std::string& provider, int64_t from, int64_t to,
                                     const std::optional<LedgerCursor>& after, int limit) {
  // Each side is read in its own order from the cursor on, then the two are merged.
  LedgerCursor cur = after.value_or(LedgerCursor{from - 1, 1, INT64_MAX});
  std::vector<LedgerItem> items;
  auto payments = c.select(std::string("SELECT ") + kPaymentColumns +
                          " FROM payments p JOIN orders o ON o.id = p.order_id WHERE p.organisation_id = ? "
                          "AND p.paid_at >= ? AND p.paid_at < ? AND (? = '' OR p.provider = ?) "
                          "AND (p.paid_at > ? OR (p.paid_at = ? AND ? = 0 AND p.id > ?)) "
                          "ORDER BY p.paid_at, p.id LIMIT ?",
                      org, from, to, provider, provider, cur.at, cur.at, cur.kind, cur.id, limit);
  for (const auto& r : payments) items.push_back(item_of(r, "payment"));
  const char* at = "COALESCE(r.completed_at, r.created_at)";
  auto refunds = c.select(std::string("SELECT ") + kRefundColumns + kRefundFrom +
                         "WHERE r.organisation_id = ? AND ((r.completed_at >= ? AND r.completed_at < ?) OR "
                         "(r.completed_at IS NULL AND r.created_at >= ? AND r.created_at < ?)) "
                         "AND (? = '' OR r.provider = ?) AND (" + at + " > ? OR (" + at + " = ? AND (? = 0 OR "
                         "(? = 1 AND r.id > ?)))) ORDER BY " + at + ", r.id LIMIT ?",
                     org, from, to, from, to, provider, provider, cur.at, cur.at, cur.kind, cur.kind, cur.id, limit);
  for (const auto& r : refunds) items.push_back(item_of(r, "refund"));
  std::sort(items.begin(), items.end(), [](const LedgerItem& a, const LedgerItem& b) {
    if (a.at != b.at) return a.at < b.at;
    if (a.kind != b.kind) return a.kind < b.kind;
    return a.id < b.id;
  });
  if (items.size() > static_cast<size_t>(limit)) items.resize(static_cast<size_t>(limit));
  return items;
}

std::vector<ProviderTotals> provider_totals(Connection& c, int64_t org, const std::string& provider, int64_t from,
                                            int64_t to) {
  std::map<std::pair<std::string, std::string>, ProviderTotals> by;
  for (const auto& r : c.select("SELECT p.provider, p.method, COALESCE(SUM(p.amount), 0), COUNT(*) FROM payments p "
                           "WHERE p.organisation_id = ? AND p.paid_at >= ? AND p.paid_at < ? AND p.status = 'paid' "
                           "AND (? = '' OR p.provider = ?) GROUP BY p.provider, p.method",
                           org, from, to, provider, provider)) {
    auto& t = by[{r.text(0), r.text(1)}];
    t.payments_in += r.i64(2);
    t.payments_count += r.i64(3);
  }
  for (const auto& r : c.select(std::string("SELECT r.provider, COALESCE(p.method, o.payment_method), "
                                       "COALESCE(SUM(r.amount), 0), COUNT(*)") +
                               kRefundFrom +
                               "WHERE r.organisation_id = ? AND r.completed_at >= ? AND r.completed_at < ? "
                               "AND r.status = 'succeeded' AND (? = '' OR r.provider = ?) "
                               "GROUP BY r.provider, COALESCE(p.method, o.payment_method)",
                           org, from, to, provider, provider)) {
    auto& t = by[{r.text(0), r.text(1)}];
    t.refunds_out += r.i64(2);
    t.refunds_count += r.i64(3);
  }
  std::vector<ProviderTotals> out;
  for (auto& [k, t] : by) {
    t.provider = k.first;
    t.method = k.second;
    out.push_back(t);
  }
  return out;
}

std::vector<LedgerItem> failed_refunds(Connection& c, int64_t org, const std::string& provider, int64_t from,
                                       int64_t to) {
  std::vector<LedgerItem> out;
  for (const auto& r : c.select(std::string("SELECT ") + kRefundColumns + kRefundFrom +
                               "WHERE r.organisation_id = ? AND r.completed_at >= ? AND r.completed_at < ? "
                               "AND r.status = 'failed' AND (? = '' OR r.provider = ?) ORDER BY r.completed_at, r.id",
                           org, from, to, provider, provider))
    out.push_back(item_of(r, "refund"));
  return out;
}

std::vector<LedgerItem> pending_refunds(Connection& c, int64_t org, const std::string& provider, int64_t from,
                                        int64_t to, int64_t created_before) {
  std::vector<LedgerItem> out;
  for (const auto& r : c.select(std::string("SELECT ") + kRefundColumns + kRefundFrom +
                               "WHERE r.organisation_id = ? AND r.created_at >= ? AND r.created_at < ? "
                               "AND r.created_at < ? AND r.status = 'pending' AND (? = '' OR r.provider = ?) "
                               "ORDER BY r.created_at, r.id",
                           org, from, to, created_before, provider, provider))
    out.push_back(item_of(r, "refund"));
  return out;
}

std::vector<LedgerItem> missing_provider_refs(Connection& c, int64_t org, const std::string& provider, int64_t from,
                                              int64_t to) {
  std::vector<LedgerItem> out;
  const char* online = "('stripe', 'mollie', 'demo')";
  for (const auto& r : c.select(std::string("SELECT ") + kPaymentColumns +
                               " FROM payments p JOIN orders o ON o.id = p.order_id WHERE p.organisation_id = ? "
                               "AND p.paid_at >= ? AND p.paid_at < ? AND p.status = 'paid' AND p.provider IN " +
                               online + " AND (p.provider_ref IS NULL OR p.provider_ref = '') "
                               "AND (? = '' OR p.provider = ?) ORDER BY p.paid_at, p.id",
                           org, from, to, provider, provider))
    out.push_back(item_of(r, "payment"));
  for (const auto& r : c.select(std::string("SELECT ") + kRefundColumns + kRefundFrom +
                               "WHERE r.organisation_id = ? AND r.completed_at >= ? AND r.completed_at < ? "
                               "AND r.status = 'succeeded' AND r.provider IN " + online +
                               " AND (r.provider_ref IS NULL OR r.provider_ref = '') "
                               "AND (? = '' OR r.provider = ?) ORDER BY r.completed_at, r.id",
                           org, from, to, provider, provider))
    out.push_back(item_of(r, "refund"));
  return out;
}

std::vector<OrderBalance> order_balances(Connection& c, int64_t org, const std::string& provider, int64_t from,
                                         int64_t to) {
  std::vector<OrderBalance> out;
  c.each("SELECT o.number, o.status, "
         "(SELECT COALESCE(SUM(x.amount), 0) FROM payments x WHERE x.order_id = o.id AND x.status = 'paid'), "
         // what the customer owes: the tickets, plus what changes gave back, less what was waived
         "(SELECT COALESCE(SUM(t.price + t.fee), 0) FROM tickets t WHERE t.order_id = o.id) "
         "+ o.amount_credited - o.amount_waived, "
         "(SELECT COALESCE(SUM(y.amount), 0) FROM refunds y WHERE y.order_id = o.id AND y.status = 'succeeded') "
         "FROM orders o WHERE o.id IN ("
         "SELECT p.order_id FROM payments p WHERE p.organisation_id = ? AND p.paid_at >= ? AND p.paid_at < ? "
         "AND p.status = 'paid' AND (? = '' OR p.provider = ?) UNION "
         "SELECT r.order_id FROM refunds r WHERE r.organisation_id = ? AND r.completed_at >= ? AND r.completed_at < ? "
         "AND r.status = 'succeeded' AND (? = '' OR r.provider = ?)) ORDER BY o.number",
         std::vector<Param>{org, from, to, provider, provider, org, from, to, provider, provider},
         [&](const Row& r) { out.push_back({r.text(0), r.text(1), r.i64(2), r.i64(3), r.i64(4)}); });
  return out;
}

}  // namespace bo::store
