#include "store/orders.hpp"

#include <algorithm>

#include "domain/contact.hpp"
#include "store/json_columns.hpp"
#include "store/states.hpp"

namespace bo::store {
namespace {
using namespace domain;

constexpr const char* kOrderSelect =
    "SELECT o.id, o.organisation_id, o.event_id, o.number, o.status, o.version, o.source, o.external_ref, "
    "o.currency, o.ticket_count, o.total_price, o.total_fees, o.amount_due, o.amount_waived, o.amount_credited, "
    "o.payment_method, o.email, o.first_name, "
    "o.last_name, o.mobile, o.company, o.street, o.postal_code, o.city, o.country, o.language, o.date_of_birth, "
    "o.marketing_opt_in, o.created_at, o.paid_at, o.cancelled_at, "
    "e.id, e.name, e.venue, e.starts_at, e.ends_at, e.archived "
    "FROM orders o JOIN events e ON e.id = o.event_id ";

std::optional<OrderAggregate> load_rest(Connection& c, std::optional<Row> r) {
  if (!r) return std::nullopt;
  OrderAggregate a;
  auto& o = a.order;
  Fields f(*r);
  o.id = f.i64();
  o.organisation_id = f.i64();
  o.event_id = f.i64();
  o.number = f.text();
  o.status = read_state<OrderStatus>(f.text());
  o.version = f.i64();
  o.source = f.text();
  o.external_ref = f.opt_text();
  o.currency = f.text();
  o.ticket_count = f.i64();
  o.total_price = f.i64();
  o.total_fees = f.i64();
  o.amount_due = f.i64();
  o.amount_waived = f.i64();
  o.amount_credited = f.i64();
  o.payment_method = f.text();
  const char* names[] = {"email", "first_name", "last_name", "mobile", "company", "street",
                         "postal_code", "city", "country", "language", "date_of_birth"};
  for (const char* name : names) *contact_field(o.contact, name) = f.opt_text();
  o.contact.marketing_opt_in = f.boolean();
  o.created_at = f.i64();
  o.paid_at = f.opt_i64();
  o.cancelled_at = f.opt_i64();
  a.event = Event{f.i64(), f.text(), f.text(), f.i64(), f.i64(), f.boolean()};

  std::map<int64_t, std::vector<FieldDef>> fields_by_type;
  for (const auto& t : c.select("SELECT t.id, t.ticket_type_id, tt.name, tt.personalisation_fields, t.price, t.fee, "
                           "t.barcode, t.status, t.attendee, t.checked_in_at "
                           "FROM tickets t JOIN ticket_types tt ON tt.id = t.ticket_type_id "
                           "WHERE t.order_id = ?",  // sorted below: the index's order is by type
                           o.id)) {
    Ticket tk;
    Fields f(t);
    tk.id = f.i64();
    tk.ticket_type_id = f.i64();
    tk.ticket_type_name = f.text();
    const auto& fields_json = f.text();
    auto it = fields_by_type.find(tk.ticket_type_id);
    if (it == fields_by_type.end()) it = fields_by_type.emplace(tk.ticket_type_id, parse_fields(fields_json)).first;
    tk.fields = it->second;
    tk.price = f.i64();
    tk.fee = f.i64();
    tk.barcode = f.text();
    tk.status = read_state<TicketStatus>(f.text());
    tk.attendee = parse_attendee(f.text());
    tk.checked_in_at = f.opt_i64();
    a.tickets.push_back(std::move(tk));
  }
  std::sort(a.tickets.begin(), a.tickets.end(), [](const Ticket& x, const Ticket& y) { return x.id < y.id; });
  for (const auto& p : c.select("SELECT id, method, provider, provider_ref, amount, status, paid_at FROM payments "
                           "WHERE order_id = ? ORDER BY id",
                           o.id)) {
    Fields f(p);
    a.payments.push_back(Payment{f.i64(), f.text(), f.text(), f.opt_text(), f.i64(),
                                 read_state<PaymentStatus>(f.text()), f.opt_i64()});
  }
  for (const auto& f : c.select("SELECT id, payment_id, amount, ticket_ids, keep_tickets_valid, reason, method, "
                           "provider, status, provider_state, provider_ref, error, idempotency_key, "
                           "created_by_name, created_at, completed_at FROM refunds WHERE order_id = ? ORDER BY id",
                           o.id)) {
    Refund rf;
    Fields g(f);
    rf.id = g.i64();
    rf.payment_id = g.i64();
    rf.amount = g.i64();
    rf.ticket_ids = parse_ids(g.text());
    rf.keep_tickets_valid = g.boolean();
    rf.reason = g.text();
    rf.method = g.text();
    rf.provider = g.text();
    rf.status = read_state<RefundStatus>(g.text());
    rf.provider_state = g.text();
    rf.provider_ref = g.opt_text();
    rf.error = g.opt_text();
    rf.idempotency_key = g.opt_text();
    rf.created_by_name = g.text();
    rf.created_at = g.i64();
    rf.completed_at = g.opt_i64();
    a.refunds.push_back(std::move(rf));
  }
  return a;
}

// A string that sorts after every string starting with `prefix` (U+10FFFF appended).
std::string prefix_end(const std::string& prefix) { return prefix + "\xF4\x8F\xBF\xBF"; }

bool all_code_chars(const std::string& s) {
  for (char ch : s)
    if (!((ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9'))) return false;
  return true;
}
}  // namespace

// The order's row by one key, locked on PostgreSQL when asked; the texts are built once.
static std::string_view order_sql(std::string_view key, bool lock) {
  static const std::string texts[] = {
      std::string(kOrderSelect) + "WHERE o.number = ? AND o.organisation_id = ?",
      std::string(kOrderSelect) + "WHERE o.number = ? AND o.organisation_id = ? FOR UPDATE OF o",
      std::string(kOrderSelect) + "WHERE o.id = ? AND o.organisation_id = ?",
      std::string(kOrderSelect) + "WHERE o.id = ? AND o.organisation_id = ? FOR UPDATE OF o"};
  return texts[(key == "id" ? 2 : 0) + (lock ? 1 : 0)];
}

std::optional<OrderAggregate> load_order(Connection& c, int64_t org_id, std::string_view number, bool lock) {
  return load_rest(c, c.select_one(order_sql("number", lock && c.dialect() == Dialect::postgresql), number, org_id));
}

std::optional<OrderAggregate> load_order_by_id(Connection& c, int64_t org_id, int64_t order_id, bool lock) {
  return load_rest(c, c.select_one(order_sql("id", lock && c.dialect() == Dialect::postgresql), order_id, org_id));
}

std::unordered_set<std::string> all_order_numbers(Connection& c) {
  std::unordered_set<std::string> numbers;
  c.each("SELECT number FROM orders", {}, [&](const Row& r) { numbers.insert(r.text(0)); });
  return numbers;
}

std::optional<int64_t> find_order_id(Connection& c, int64_t org_id, std::string_view number) {
  auto r = c.select_one("SELECT id FROM orders WHERE number = ? AND organisation_id = ?", number, org_id);
  if (!r) return std::nullopt;
  return r->i64(0);
}

OrderStatus order_status(Connection& c, int64_t order_id) {
  return read_state<OrderStatus>(c.select("SELECT status FROM orders WHERE id = ?", order_id).at(0).text(0));
}

std::optional<TicketRef> find_ticket_by_barcode(Connection& c, int64_t org_id, std::string_view barcode) {
  auto r = c.select_one("SELECT id, order_id FROM tickets WHERE barcode = ? AND organisation_id = ?", barcode, org_id);
  if (!r) return std::nullopt;
  Fields f(*r);
  return TicketRef{f.i64(), f.i64()};
}

void set_ticket_checked_in(Connection& c, int64_t ticket_id, int64_t now) {
  c.run("UPDATE tickets SET checked_in_at = ? WHERE id = ? AND checked_in_at IS NULL", now, ticket_id);
}

void set_ticket_attendee(Connection& c, int64_t ticket_id, const AttendeeValues& attendee) {
  c.run("UPDATE tickets SET attendee = ? WHERE id = ?", attendee_json(attendee), ticket_id);
}

std::vector<OrderListItem> list_orders(Connection& c, int64_t org_id, const OrderFilter& f) {
  // Each way q can match, as a condition on `o` that one index answers.
  struct Term {
    std::string cond;
    std::vector<Param> params;
  };
  std::vector<Term> terms;
  std::string q = trim(f.q);
  if (!q.empty()) {
    std::string lc = to_lower_ascii(q);
    std::string up = q;
    for (auto& ch : up) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    if (up.size() == 8 && all_code_chars(up)) terms.push_back({"o.number = ?", {Param(std::string(up))}});
    if (up.size() == 16 && all_code_chars(up))
      terms.push_back({"o.id IN (SELECT order_id FROM tickets WHERE barcode = ? AND organisation_id = ?)",
                       {Param(std::string(up)), Param(org_id)}});
    terms.push_back({"o.external_ref = ?", {Param(std::string(q))}});
    terms.push_back({"o.email_lc >= ? AND o.email_lc < ?", {Param(std::string(lc)), Param(prefix_end(lc))}});
    if (q.find('@') == std::string::npos) {
      terms.push_back({"o.last_name_lc >= ? AND o.last_name_lc < ?", {Param(std::string(lc)), Param(prefix_end(lc))}});
      terms.push_back({"o.full_name_lc >= ? AND o.full_name_lc < ?", {Param(std::string(lc)), Param(prefix_end(lc))}});
    }
    size_t digits = 0;
    for (char ch : q) digits += (ch >= '0' && ch <= '9');
    if (digits >= 6)
      if (auto phone = normalise_phone(q, f.phone_region)) terms.push_back({"o.mobile = ?", {Param(std::move(*phone))}});
  }

  // A narrow search (few candidates) sorts its candidates; a broad one (a common name) walks the orders
  // newest first and stops at the page size, which is fast precisely because matches are common.
  constexpr int64_t kNarrow = 2000;
  std::vector<Param> params;
  std::string union_sql;
  for (size_t i = 0; i < terms.size(); ++i) {
    union_sql += (i ? " UNION ALL " : "") + std::string("SELECT o.id FROM orders o WHERE o.organisation_id = ? AND ") +
                 terms[i].cond;
    params.emplace_back(org_id);
    params.insert(params.end(), terms[i].params.begin(), terms[i].params.end());
  }
  bool broad = false;
  if (!terms.empty()) {
    std::vector<Param> count_params = params;
    count_params.emplace_back(kNarrow + 1);
    Rows n = c.query("SELECT COUNT(*) FROM (" + union_sql + " LIMIT ?) AS candidates", count_params);
    broad = n[0].i64(0) > kNarrow;
  }

  std::string sql =
      "SELECT o.id, o.number, o.status, o.first_name, o.last_name, o.email, e.name, o.event_id, o.ticket_count, "
      "o.total_price + o.total_fees, o.currency, o.payment_method, o.created_at FROM orders o ";
  if (broad && c.dialect() == Dialect::sqlite) sql += "INDEXED BY orders_created ";
  sql += "JOIN events e ON e.id = o.event_id WHERE o.organisation_id = ?";
  std::vector<Param> where{Param(org_id)};
  if (!terms.empty() && !broad) {
    sql += " AND o.id IN (" + std::string(union_sql.begin(), union_sql.end()) + ")";
    where.insert(where.end(), params.begin(), params.end());
  } else if (broad) {
    sql += " AND (";
    for (size_t i = 0; i < terms.size(); ++i) {
      sql += (i ? " OR (" : "(") + terms[i].cond + ")";
      where.insert(where.end(), terms[i].params.begin(), terms[i].params.end());
    }
    sql += ")";
  }
  params = std::move(where);
  auto text = [&](std::string s) { params.push_back(Param(std::move(s))); };
  if (f.status) {
    sql += " AND o.status = ?";
    params.emplace_back(to_string(*f.status));
  }
  if (f.event_id) {
    sql += " AND o.event_id = ?";
    params.emplace_back(*f.event_id);
  }
  if (f.payment_method) {
    sql += " AND o.payment_method = ?";
    text(*f.payment_method);
  }
  if (f.from) {
    sql += " AND o.created_at >= ?";
    params.emplace_back(*f.from);
  }
  if (f.to) {
    sql += " AND o.created_at < ?";
    params.emplace_back(*f.to);
  }
  if (f.after) {
    sql += " AND (o.created_at < ? OR (o.created_at = ? AND o.id < ?))";
    params.emplace_back(f.after->first);
    params.emplace_back(f.after->first);
    params.emplace_back(f.after->second);
  }
  sql += " ORDER BY o.created_at DESC, o.id DESC LIMIT ?";
  params.emplace_back(static_cast<int64_t>(f.limit));

  std::vector<OrderListItem> out;
  c.each(sql, params, [&](const Row& r) {
    OrderListItem it;
    Fields f(r);
    it.id = f.i64();
    it.number = f.text();
    it.status = read_state<OrderStatus>(f.text());
    auto first_name = f.opt_text();
    auto last_name = f.opt_text();
    it.contact_name = trim(first_name.value_or("") + " " + last_name.value_or(""));
    it.email = f.opt_text();
    it.event_name = f.text();
    it.event_id = f.i64();
    it.ticket_count = f.i64();
    it.total = f.i64();
    it.currency = f.text();
    it.payment_method = f.text();
    it.created_at = f.i64();
    out.push_back(std::move(it));
  });
  return out;
}

bool bump_version(Connection& c, int64_t order_id, int64_t expected, int64_t now) {
  return c.run("UPDATE orders SET version = version + 1, updated_at = ? WHERE id = ? AND version = ?", now, order_id,
             expected) == 1;
}

void save_contact(Connection& c, int64_t order_id, const Contact& k) {
  auto lc = [](const std::optional<std::string>& v) -> std::optional<std::string> {
    if (!v) return std::nullopt;
    return to_lower_ascii(*v);
  };
  std::optional<std::string> full;
  if (k.first_name || k.last_name) full = to_lower_ascii(trim(k.first_name.value_or("") + " " + k.last_name.value_or("")));
  c.run("UPDATE orders SET email = ?, email_lc = ?, first_name = ?, last_name = ?, last_name_lc = ?, full_name_lc = ?, "
      "mobile = ?, company = ?, street = ?, postal_code = ?, city = ?, country = ?, language = ?, date_of_birth = ?, "
      "marketing_opt_in = ? WHERE id = ?",
      k.email, lc(k.email), k.first_name, k.last_name, lc(k.last_name), full, k.mobile, k.company, k.street,
      k.postal_code, k.city, k.country, k.language, k.date_of_birth, k.marketing_opt_in, order_id);
}

int64_t add_history(Connection& c, int64_t org_id, int64_t order_id, std::string_view type, int64_t at,
                    const Actor& actor, const std::string& data_json) {
  return c.select("INSERT INTO history (organisation_id, order_id, type, at, actor_kind, actor_id, actor_name, "
                  "actor_via, confirmation, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                  org_id, order_id, type, at, actor.kind, actor.id, actor.name, actor.via, actor.confirmation,
                  data_json)[0]
      .i64(0);
}

std::vector<HistoryItem> load_history(Connection& c, int64_t order_id) {
  std::vector<HistoryItem> out;
  for (const auto& r : c.select("SELECT id, at, type, actor_kind, actor_id, actor_name, actor_via, confirmation, data "
                                "FROM history WHERE order_id = ? ORDER BY at DESC, id DESC",
                                order_id)) {
    Fields f(r);
    out.push_back(
        HistoryItem{f.i64(), f.i64(), f.text(), Actor{f.text(), f.opt_i64(), f.text(), f.text(), f.text()}, f.text()});
  }
  return out;
}

int64_t count_history_since(Connection& c, int64_t order_id, std::string_view type, int64_t since) {
  return c.select("SELECT COUNT(*) FROM history WHERE order_id = ? AND type = ? AND at > ?", order_id, type, since)[0].i64(0);
}

}  // namespace bo::store
