// `boxoffice generate --orders N`: realistic orders at scale for benchmarks, written in bulk.
#include <spdlog/spdlog.h>

#include <chrono>
#include <random>
#include <unordered_set>

#include "app/commands.hpp"
#include "common/time.hpp"
#include "domain/codes.hpp"
#include "domain/contact.hpp"
#include "services/demo_data.hpp"
#include "store/events.hpp"
#include "store/import_writer.hpp"
#include "store/json_columns.hpp"
#include "store/orders.hpp"
#include "store/organisations.hpp"

namespace bo::app {
namespace {
const char* kFirst[] = {"Emma", "Daan", "Sophie", "Lucas", "Julia", "Sem", "Zoë", "Finn", "Tess", "Milan",
                        "Anna", "Levi", "Sara", "Noah", "Eva", "Jesse", "Lotte", "Thijs", "Fenna", "Bram",
                        "Mila", "Lars", "Nina", "Ruben", "Isa", "Mats", "Liam", "Olivia", "Hugo", "Sofia",
                        "Max", "Lena", "Jan", "Marie", "Tom", "Yara", "Luuk", "Roos", "Gijs", "Elin"};
const char* kLast[] = {"de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "de Groot",
                       "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra",
                       "Smits", "de Graaf", "van der Meer", "van den Berg", "Kuipers", "Koster", "Prins", "Huisman",
                       "Willems", "Kok", "Jacobs", "van Dijk", "Vermeulen", "Schouten", "Post", "Kramer", "Maas",
                       "Verhoeven", "Koch", "Hoekstra", "van Wijk", "Sanders", "Groß", "Nowak", "Müller", "Dubois",
                       "Rossi", "García", "O'Brien", "Schmidt", "Andersen", "Novak"};
const char* kMethods[] = {"card", "card", "card", "ideal", "ideal", "ideal", "bancontact", "paypal",
                          "bank_transfer", "invoice", "cash", "free"};
}  // namespace

int generate(const std::string& db_url, int64_t n) {
  prepare_database(db_url);
  store::Database db(db_url);
  auto c = db.acquire();
  int64_t now = now_seconds();
  services::seed_demo_data(*c, now);
  auto org = store::find_organisation_by_slug(*c, "demo");

  std::mt19937_64 rng(std::random_device{}());
  auto code = [&](size_t len) {
    std::string s(len, ' ');
    for (auto& ch : s) ch = domain::kCodeAlphabet[rng() % domain::kCodeAlphabet.size()];
    return s;
  };
  int64_t event, type_a, type_b;
  {
    store::Transaction tx(*c);
    event = store::insert_event(*c, org->id,
                                domain::Event{0, "Arena Tour (generated)", "Ziggo Dome, Amsterdam", now + 120 * 86400,
                                              now + 120 * 86400 + 5 * 3600, false},
                                now);
    domain::TicketType floor;
    floor.event_id = event;
    floor.name = "Floor";
    floor.price = 6950;
    floor.fee = 295;
    floor.capacity = 100000000;
    type_a = store::insert_ticket_type(*c, org->id, floor, now);
    domain::TicketType seated = floor;
    seated.name = "Seated";
    seated.price = 8950;
    seated.fields = {{"first_name", "First name", "text", true, {}}, {"last_name", "Last name", "text", true, {}}};
    type_b = store::insert_ticket_type(*c, org->id, seated, now);
    tx.commit();
  }
  auto numbers = store::all_order_numbers(*c);
  const auto create_sql = store::drop_indexes_for_loading(*c, {"orders", "tickets", "payments", "refunds", "history"});

  auto started = std::chrono::steady_clock::now();
  const int64_t batch = 100000;
  int64_t issued_a = 0, issued_b = 0, done = 0;
  const std::string_view order_cols[] = {"id", "organisation_id", "event_id", "number", "status", "version", "source",
                                         "currency", "ticket_count", "total_price", "total_fees", "payment_method",
                                         "email", "email_lc", "first_name", "last_name", "last_name_lc",
                                         "full_name_lc", "mobile", "country", "language", "marketing_opt_in",
                                         "created_at", "paid_at", "cancelled_at", "updated_at"};
  const std::string_view ticket_cols[] = {"id", "organisation_id", "order_id", "ticket_type_id", "price", "fee",
                                          "barcode", "status", "attendee", "created_at", "paid_at"};
  const std::string_view payment_cols[] = {"id", "organisation_id", "order_id", "method", "provider", "provider_ref",
                                           "amount", "currency", "status", "paid_at", "created_at"};
  const std::string_view refund_cols[] = {"id", "organisation_id", "order_id", "payment_id", "amount", "currency",
                                          "ticket_ids", "reason", "method", "provider", "status", "provider_ref",
                                          "provider_state", "provider_key", "created_by_kind", "created_by_name",
                                          "created_at", "completed_at"};
  const std::string_view history_cols[] = {"id", "organisation_id", "order_id", "type", "at", "actor_kind",
                                           "actor_name", "data"};
  while (done < n) {
    int64_t count = std::min(batch, n - done);
    store::Transaction tx(*c);
    auto order_ids = c->reserve_ids("orders", count);
    auto ticket_ids = c->reserve_ids("tickets", count * 4);
    auto payment_ids = c->reserve_ids("payments", count);
    auto history_ids = c->reserve_ids("history", count);
    auto refund_ids = c->reserve_ids("refunds", count);
    auto orders = c->bulk("orders", order_cols);
    auto tickets = c->bulk("tickets", ticket_cols);
    auto payments = c->bulk("payments", payment_cols);
    auto history = c->bulk("history", history_cols);
    auto refunds = c->bulk("refunds", refund_cols);
    size_t next_ticket = 0;
    for (int64_t i = 0; i < count; ++i) {
      int64_t id = order_ids[static_cast<size_t>(i)];
      int64_t seq = done + i;
      // Spread over the last year, oldest first, so ids and created_at grow together.
      int64_t created = now - 365 * 86400 + (seq * 365 * 86400) / std::max<int64_t>(n, 1);
      std::string number;
      do number = code(8);
      while (!numbers.insert(number).second);
      std::string first = kFirst[rng() % std::size(kFirst)], last = kLast[rng() % std::size(kLast)];
      std::string method = kMethods[rng() % std::size(kMethods)];
      int r = static_cast<int>(rng() % 100);
      std::string status = r < 82 ? "paid" : r < 88 ? "pending" : r < 93 ? "cancelled" : r < 97 ? "partially_refunded" : "refunded";
      if (status == "pending" && method != "bank_transfer" && method != "invoice") method = "bank_transfer";
      if (method == "free" && (status == "refunded" || status == "partially_refunded")) status = "paid";
      int tickets_n = 1 + static_cast<int>(rng() % 4);  // 1–4: about 2.5 on average
      bool seated = rng() % 3 == 0;
      int64_t price = method == "free" ? 0 : (seated ? 8950 : 6950), fee = method == "free" ? 0 : 295;
      std::string email = domain::to_lower_ascii(first) + "." + std::to_string(seq) + "@example.com";
      for (auto& ch : email)
        if (static_cast<unsigned char>(ch) >= 0x80 || ch == ' ' || ch == '\'') ch = 'x';
      std::string last_lc = domain::to_lower_ascii(last), full_lc = domain::to_lower_ascii(first + " " + last);
      std::string mobile = "+316" + std::to_string(1 + rng() % 5) + std::to_string(1000000 + rng() % 8999999);
      std::optional<int64_t> paid_at, cancelled_at;
      if (status != "pending") paid_at = created + 60;
      if (status == "cancelled") cancelled_at = std::min(now, created + 3 * 86400);
      std::string ticket_status = status == "cancelled" ? "cancelled" : status == "refunded" ? "refunded" : "valid";
      const store::Param row[] = {id, org->id, event, number, status, 1, "shop", org->currency,
                                  static_cast<int64_t>(tickets_n), price * tickets_n, fee * tickets_n, method, email,
                                  email, first, last, last_lc, full_lc, mobile, "NL", "nl", false, created, paid_at,
                                  cancelled_at, created};
      orders->add(row);
      std::vector<int64_t> order_tickets;
      for (int t = 0; t < tickets_n; ++t) {
        std::string barcode = code(16);
        order_tickets.push_back(ticket_ids[next_ticket++]);
        // A partial refund covers the first ticket.
        std::string st = status == "partially_refunded" && t == 0 ? "refunded" : ticket_status;
        const store::Param trow[] = {order_tickets.back(), org->id, id, seated ? type_b : type_a, price, fee,
                                     barcode, st, "{}", created, paid_at};
        tickets->add(trow);
        if (st == "valid") (seated ? issued_b : issued_a) += 1;
      }
      if (paid_at) {
        std::string provider = (method == "bank_transfer" || method == "invoice" || method == "cash") ? "manual"
                               : method == "free" ? "none" : "demo";
        std::optional<std::string> ref;
        if (provider == "demo") ref = "demo_pay_" + code(12);
        const store::Param prow[] = {payment_ids[static_cast<size_t>(i)], org->id, id, method, provider, ref,
                                     (price + fee) * tickets_n, org->currency, "paid", paid_at, created};
        payments->add(prow);
        // Refunds as the refund and cancel actions leave them: all tickets, the first ticket's price, or all
        // but the fees of a cancelled order.
        int64_t amount = status == "refunded" ? (price + fee) * tickets_n
                         : status == "partially_refunded" ? price
                         : status == "cancelled" && method != "cash" ? price * tickets_n : 0;
        if (amount > 0) {
          std::string ids = "[]";
          if (status == "refunded") ids = store::ids_json(order_tickets);
          if (status == "partially_refunded") ids = store::ids_json({order_tickets[0]});
          int64_t at = status == "cancelled" ? *cancelled_at : std::min(now, created + 2 * 86400);
          std::optional<std::string> refund_ref;
          if (provider == "demo") refund_ref = "demo_re_" + code(12);
          std::string key = "bo-" + code(18);
          const store::Param rrow[] = {refund_ids[static_cast<size_t>(i)], org->id, id,
                                       payment_ids[static_cast<size_t>(i)], amount, org->currency, ids,
                                       "Customer cannot attend", provider == "demo" ? "provider" : "manual", provider,
                                       "succeeded", refund_ref, "submitted", key, "user", "Fiona Finance", at, at};
          refunds->add(rrow);
        }
      }
      const store::Param hrow[] = {history_ids[static_cast<size_t>(i)], org->id, id, "order_placed", created,
                                   "customer", first, "{\"source\":\"shop\"}"};
      history->add(hrow);
    }
    orders->finish();
    tickets->finish();
    payments->finish();
    history->finish();
    refunds->finish();
    tx.commit();
    done += count;
    spdlog::info("generated {} / {} orders", done, n);
  }
  spdlog::info("building indexes");
  store::create_indexes(*c, create_sql);
  store::add_issued(*c, type_a, issued_a);
  store::add_issued(*c, type_b, issued_b);
  store::analyze(*c);
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  spdlog::info("generated {} orders in {:.1f} s", n, secs);
  return 0;
}

}  // namespace bo::app
