#include "services/demo_data.hpp"

#include <nlohmann/json.hpp>

#include <random>

#include "domain/codes.hpp"
#include "services/auth.hpp"
#include "store/events.hpp"
#include "store/json_columns.hpp"
#include "store/organisations.hpp"
#include "store/order_writer.hpp"
#include "store/emails.hpp"
#include "store/orders.hpp"
#include "store/refunds.hpp"

namespace bo::services {
namespace {
using nlohmann::json;
using store::NewOrder;
using store::NewPayment;
using store::NewTicket;
using OS = domain::OrderStatus;

constexpr int64_t kDay = 86400;

const std::vector<std::pair<const char*, const char*>> kNames{
    {"Emma", "de Vries"},   {"Daan", "Jansen"},     {"Sophie", "Bakker"},    {"Lucas", "Visser"},
    {"Julia", "Smit"},      {"Sem", "Meijer"},      {"Zoë", "de Boer"},      {"Finn", "Mulder"},
    {"Tess", "de Groot"},   {"Milan", "Bos"},       {"Anna", "Vos"},         {"Levi", "Peters"},
    {"Sara", "Hendriks"},   {"Noah", "van Leeuwen"}, {"Eva", "Dekker"},      {"Jesse", "Brouwer"},
    {"Lotte", "de Wit"},    {"Thijs", "Dijkstra"},  {"Fenna", "Smits"},      {"Bram", "de Graaf"},
    {"Jürgen", "Groß"},     {"Chloé", "Lefèvre"},   {"Łukasz", "Nowak"},     {"Aoife", "O'Brien"},
    {"Mats", "Kuipers"},    {"Isa", "van Dam"},     {"Ruben", "Willems"},    {"Nina", "Koster"},
    {"Lars", "Prins"},      {"Mila", "Huisman"}};

// "Zoë" → "zoe", "Łukasz" → "lukasz": for believable e-mail addresses.
std::string ascii_slug(std::string_view name) {
  static const std::vector<std::pair<std::string_view, char>> letters{
      {"é", 'e'}, {"è", 'e'}, {"ë", 'e'}, {"ö", 'o'}, {"ó", 'o'}, {"ü", 'u'}, {"ä", 'a'}, {"à", 'a'},
      {"ï", 'i'}, {"ç", 'c'}, {"ß", 's'}, {"Ł", 'l'}, {"ł", 'l'}, {"Å", 'a'}, {"å", 'a'}, {"ñ", 'n'}};
  std::string out;
  for (size_t i = 0; i < name.size();) {
    bool mapped = false;
    for (const auto& [utf8, ascii] : letters)
      if (name.substr(i, utf8.size()) == utf8) {
        out += ascii;
        i += utf8.size();
        mapped = true;
        break;
      }
    if (mapped) continue;
    char ch = name[i++];
    if (std::isalnum(static_cast<unsigned char>(ch))) out += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  }
  return out;
}

struct Rng {
  std::mt19937_64 gen{20261127};
  int below(int n) { return static_cast<int>(gen() % static_cast<uint64_t>(n)); }
  std::string code(size_t len) {
    std::string s(len, ' ');
    for (auto& ch : s) ch = domain::kCodeAlphabet[gen() % domain::kCodeAlphabet.size()];
    return s;
  }
};

struct Type {
  int64_t id, price, fee;
  bool personalised;
};

int64_t add_org(store::Connection& c, const char* slug, const char* name, const char* currency, const char* zone,
                const char* country, const char* sender, int64_t now) {
  domain::Organisation o;
  o.slug = slug;
  o.name = o.sender_name = name;
  o.currency = currency;
  o.time_zone = zone;
  o.country = country;
  o.sender_email = sender;
  return store::insert_organisation(c, o, now);
}

int64_t add_event(store::Connection& c, int64_t org, const char* name, const char* venue, int64_t starts,
                  int64_t ends, int64_t now) {
  return store::insert_event(c, org, domain::Event{0, name, venue, starts, ends, false}, now);
}

Type add_type(store::Connection& c, int64_t org, int64_t event, const char* name, int64_t price, int64_t fee,
              int64_t capacity, const std::vector<domain::FieldDef>& fields, int position, int64_t now) {
  domain::TicketType t;
  t.event_id = event;
  t.name = name;
  t.price = price;
  t.fee = fee;
  t.capacity = capacity;
  t.fields = fields;
  t.position = position;
  auto id = store::insert_ticket_type(c, org, t, now);
  return Type{id, price, fee, !fields.empty()};
}

// One demo order, described by what a support agent would recognise.
struct Spec {
  int64_t event;
  std::vector<Type> types;   // one ticket per entry
  domain::OrderStatus status;
  std::string method;        // payment method
  int64_t created_at;
  bool with_email = true;
  bool personalised = true;  // fill attendee data when the type asks for it
  int checked_in = 0;        // first N tickets checked in
  bool pending_refund = false;
  std::string source = "shop";
};

std::string provider_for(const std::string& method) {
  if (method == "card" || method == "ideal" || method == "bancontact" || method == "paypal") return "demo";
  if (method == "free") return "none";
  return "manual";
}

class Seeder {
 public:
  Seeder(store::Connection& c, int64_t now) : c_(c), now_(now) {}

  void order(int64_t org, const std::string& currency, const Spec& s) {
    auto [first, last] = kNames[static_cast<size_t>(rng_.below(static_cast<int>(kNames.size())))];
    NewOrder o;
    o.organisation_id = org;
    o.event_id = s.event;
    o.number = rng_.code(8);
    o.currency = currency;
    o.source = s.source;
    o.payment_method = s.method;
    o.created_at = s.created_at;
    o.contact.first_name = first;
    o.contact.last_name = last;
    std::string slug = ascii_slug(first) + "." + std::to_string(++count_);
    if (s.with_email) o.contact.email = slug + "@example.com";
    if (rng_.below(3) > 0)
      o.contact.mobile = "+316" + std::to_string(1 + rng_.below(5)) + std::to_string(1000000 + rng_.below(8999999));
    o.contact.country = "NL";
    o.contact.language = rng_.below(4) == 0 ? "en" : "nl";
    o.contact.city = rng_.below(2) ? "Amsterdam" : "Utrecht";
    o.contact.marketing_opt_in = rng_.below(2) == 0;
    if (s.source == "import") o.external_ref = "RES-" + std::to_string(100000 + count_);
    bool paid_ever = s.status != OS::pending && !(s.status == OS::cancelled && s.method == "bank_transfer");
    bool free = s.method == "free";
    int64_t total = 0;
    for (size_t i = 0; i < s.types.size(); ++i) {
      const auto& t = s.types[i];
      NewTicket tk;
      tk.ticket_type_id = t.id;
      tk.price = free ? 0 : t.price;
      tk.fee = free ? 0 : t.fee;
      tk.barcode = rng_.code(16);
      if (t.personalised && s.personalised) {
        auto [af, al] = i == 0 ? std::pair{first, last}
                               : kNames[static_cast<size_t>(rng_.below(static_cast<int>(kNames.size())))];
        tk.attendee = {{"first_name", af}, {"last_name", al}};
        if (rng_.below(3) > 0) tk.attendee["date_of_birth"] = "199" + std::to_string(rng_.below(10)) + "-0" +
                                                              std::to_string(1 + rng_.below(9)) + "-1" +
                                                              std::to_string(rng_.below(9));
      }
      if (static_cast<int>(i) < s.checked_in) tk.checked_in_at = now_ - kDay * 50;
      if (s.status == OS::cancelled) tk.status = domain::TicketStatus::cancelled;
      if (s.status == OS::refunded) tk.status = domain::TicketStatus::refunded;
      if (s.status == OS::partially_refunded && i == 0) tk.status = domain::TicketStatus::refunded;
      total += tk.price + tk.fee;
      o.tickets.push_back(std::move(tk));
    }
    o.status = s.status;
    if (paid_ever) {
      o.paid_at = s.created_at + 120;
      NewPayment p;
      p.method = s.method;
      p.provider = provider_for(s.method);
      if (p.provider == "demo") p.provider_ref = "demo_pay_" + rng_.code(12);
      p.amount = total;
      p.paid_at = o.paid_at;
      o.payment = p;
    } else if (s.status == OS::pending) {
      NewPayment p;
      p.method = s.method;
      p.provider = provider_for(s.method);
      p.status = domain::PaymentStatus::pending;
      p.amount = total;
      o.payment = p;
    }
    if (s.status == OS::cancelled) o.cancelled_at = s.created_at + 3 * kDay;
    auto created = store::insert_order(c_, o);

    domain::Actor customer{"customer", std::nullopt, o.contact.first_name.value_or("Customer")};
    domain::Actor system{"system", std::nullopt, "Boxoffice"};
    domain::Actor agent{"user", std::nullopt, "Fiona Finance"};
    std::string placed_type = s.source == "import" ? "order_imported" : "order_placed";
    store::add_history(c_, org, created.id, placed_type, s.created_at, s.source == "import" ? agent : customer,
                       json{{"source", s.source}, {"tickets", s.types.size()}, {"total", total}}.dump());
    if (o.paid_at) {
      store::add_history(c_, org, created.id, "payment_received", *o.paid_at, system,
                         json{{"method", s.method}, {"amount", total}}.dump());
      if (s.with_email) {
        store::NewEmail sent;
        sent.organisation_id = org;
        sent.order_id = created.id;
        sent.kind = "tickets";
        sent.to = *o.contact.email;
        sent.subject = "Your tickets (order " + o.number + ")";
        auto email_id = store::insert_sent_email(c_, sent, rng_.code(16) + "@boxoffice", *o.paid_at + 5, *o.paid_at + 8);
        store::add_history(c_, org, created.id, "email_sent", *o.paid_at + 8, system,
                           json{{"email_id", email_id}, {"kind", "tickets"}, {"to", *o.contact.email}}.dump());
      }
    }
    for (int i = 0; i < s.checked_in; ++i)
      store::add_history(c_, org, created.id, "ticket_checked_in", now_ - kDay * 50, system,
                         json{{"ticket_id", created.ticket_ids[static_cast<size_t>(i)]}}.dump());
    auto refund = [&](int64_t amount, std::vector<int64_t> ticket_ids, domain::RefundStatus status, int64_t at) {
      std::string provider = provider_for(s.method);
      auto method = provider == "demo" ? "provider" : "manual";
      std::optional<std::string> ref;
      if (provider == "demo") ref = "demo_re_" + rng_.code(12);
      std::optional<int64_t> completed;
      if (status != domain::RefundStatus::pending) completed = at + 600;
      store::NewRefund r;
      r.organisation_id = org;
      r.order_id = created.id;
      r.payment_id = created.payment_id;
      r.amount = amount;
      r.currency = currency;
      r.ticket_ids = ticket_ids;
      r.reason = "Customer cannot attend";
      r.method = method;
      r.provider = provider;
      r.status = status;
      r.provider_ref = ref;
      r.provider_state = "submitted";
      r.provider_key = "demo-" + rng_.code(20);
      r.created_by = {"user", std::nullopt, "Fiona Finance"};
      r.completed_at = completed;
      store::insert_refund(c_, r, at);
      store::add_history(c_, org, created.id, "refund_requested", at, agent,
                         json{{"amount", amount}, {"ticket_ids", ticket_ids}, {"reason", "Customer cannot attend"}}.dump());
      if (completed)
        store::add_history(c_, org, created.id, "refund_succeeded", *completed, system, json{{"amount", amount}}.dump());
    };
    int64_t refund_at = s.created_at + 2 * kDay;
    if (s.status == OS::refunded) {
      std::vector<int64_t> all = created.ticket_ids;
      refund(total, all, domain::RefundStatus::succeeded, refund_at);
    } else if (s.status == OS::partially_refunded) {
      refund(o.tickets[0].price, {created.ticket_ids[0]}, domain::RefundStatus::succeeded, refund_at);
    } else if (s.status == OS::cancelled && o.paid_at) {
      refund(total, {}, domain::RefundStatus::succeeded, s.created_at + 3 * kDay);
    }
    if (s.pending_refund) refund(o.tickets.back().price, {}, domain::RefundStatus::pending, now_ - 3 * kDay);
    if (s.status == OS::cancelled)
      store::add_history(c_, org, created.id, "order_cancelled", s.created_at + 3 * kDay, agent,
                         json{{"reason", "Requested by customer"}}.dump());
  }

  Rng rng_;
  store::Connection& c_;
  int64_t now_;
  int count_ = 0;
};

}  // namespace

bool seed_demo_data(store::Connection& c, int64_t now) {
  if (store::any_organisation(c)) return false;
  store::Transaction tx(c);
  int64_t today = now - now % kDay;
  auto demo = add_org(c, "demo", "Demo Events", "EUR", "Europe/Amsterdam", "NL", "tickets@demo.test", now);
  auto other = add_org(c, "other", "Harbour Live", "GBP", "Europe/London", "GB", "box@other.test", now);

  struct U {
    const char *email, *name, *role;
    int64_t org;
  };
  for (auto u : {U{"admin@demo.test", "Ada Admin", "admin", demo}, U{"finance@demo.test", "Fiona Finance", "finance", demo},
                 U{"support@demo.test", "Sam Support", "support", demo}, U{"viewer@demo.test", "Vic Viewer", "viewer", demo},
                 U{"admin@other.test", "Olive Other", "admin", other}})
    add_user(c, u.email, u.name, kDemoPassword, u.org, *domain::parse_role(u.role), now);
  // The demo admin also belongs to the second organisation, to show the switcher.
  store::set_membership(c, store::find_user_by_email(c, "admin@demo.test")->id, other, domain::Role::viewer, now);

  std::vector<domain::FieldDef> festival_fields{{"first_name", "First name", "text", true, {}},
                                                {"last_name", "Last name", "text", true, {}},
                                                {"date_of_birth", "Date of birth", "date", true, {}}};
  std::vector<domain::FieldDef> day_fields{{"first_name", "First name", "text", true, {}},
                                           {"last_name", "Last name", "text", true, {}},
                                           {"shirt_size", "T-shirt size", "select", false, {"S", "M", "L", "XL"}}};

  auto jazz = add_event(c, demo, "Spring Jazz Night", "Paradiso, Amsterdam", today - 60 * kDay + 19 * 3600,
                        today - 60 * kDay + 23 * 3600, now);
  auto club = add_event(c, demo, "Autumn Club Night", "Tivoli, Utrecht", today - 10 * kDay + 21 * 3600,
                        today - 9 * kDay + 3 * 3600, now);
  auto festival = add_event(c, demo, "Northsea Festival", "Beach Park, Scheveningen", today + 75 * kDay + 12 * 3600,
                            today + 77 * kDay + 23 * 3600, now);
  auto concert = add_event(c, demo, "Orchestra in Concert", "Concertgebouw, Amsterdam", today + 30 * kDay + 19 * 3600,
                           today + 30 * kDay + 22 * 3600, now);
  auto harbour = add_event(c, other, "Harbour Sessions", "Quay Hall, Bristol", today + 40 * kDay + 19 * 3600,
                           today + 40 * kDay + 23 * 3600, now);

  auto jazz_regular = add_type(c, demo, jazz, "Regular", 3500, 150, 500, {}, 0, now);
  auto club_entry = add_type(c, demo, club, "Entry", 2500, 100, 800, {}, 0, now);
  auto weekend = add_type(c, demo, festival, "Weekend", 18900, 750, 5000, festival_fields, 0, now);
  auto saturday = add_type(c, demo, festival, "Saturday", 8950, 350, 3000, day_fields, 1, now);
  auto camping = add_type(c, demo, festival, "Camping", 4500, 200, 1000, {}, 2, now);
  auto stalls = add_type(c, demo, concert, "Stalls", 5500, 200, 1200, {}, 0, now);
  auto balcony = add_type(c, demo, concert, "Balcony", 3900, 200, 600, {}, 1, now);
  auto quay = add_type(c, other, harbour, "Standing", 2800, 150, 400, {}, 0, now);

  Seeder s(c, now);
  const std::vector<std::string> online{"card", "ideal", "bancontact", "paypal"};
  auto day = [&](int n) { return now - n * kDay - 3600 * (n % 7) - 900; };
  int n = 0;
  auto method = [&] { return online[static_cast<size_t>(n++ % online.size())]; };

  // Hand-picked cases first: docs/demo-data.md describes them.
  s.order(demo, "EUR", {festival, {weekend, weekend}, OS::paid, "card", day(3), true, false});
  s.order(demo, "EUR", {festival, {weekend, camping}, OS::pending, "bank_transfer", day(2)});
  s.order(demo, "EUR", {concert, {stalls, stalls}, OS::paid, "cash", day(4), true, true, 0, false, "box_office"});
  s.order(demo, "EUR", {concert, {balcony}, OS::paid, "free", day(5)});
  s.order(demo, "EUR", {festival, {saturday}, OS::paid, "ideal", day(6), false, false});
  s.order(demo, "EUR", {jazz, {jazz_regular, jazz_regular}, OS::paid, "card", day(70), true, true, 2});
  s.order(demo, "EUR", {festival, {weekend, weekend}, OS::partially_refunded, "card", day(8)});
  s.order(demo, "EUR", {festival, {saturday, saturday}, OS::paid, "paypal", day(9), true, true, 0, true});
  s.order(demo, "EUR", {concert, {stalls}, OS::cancelled, "ideal", day(10)});
  s.order(demo, "EUR", {concert, {balcony, balcony}, OS::refunded, "card", day(11)});
  s.order(demo, "EUR", {concert, {stalls, balcony}, OS::paid, "invoice", day(12)});
  s.order(demo, "EUR", {club, {club_entry, club_entry}, OS::paid, "bancontact", day(20)});
  s.order(demo, "EUR", {festival, {weekend}, OS::paid, "bank_transfer", day(13), true, true, 0, false, "import"});

  // The bulk: a believable mix over the last three months.
  for (int i = 0; i < 120; ++i) {
    int r = i % 20;
    OS status = r < 13 ? OS::paid : r < 15 ? OS::pending : r < 17 ? OS::partially_refunded : r < 19 ? OS::cancelled : OS::refunded;
    std::string m = status == OS::pending ? (i % 2 ? "bank_transfer" : "invoice") : method();
    if (i % 23 == 5) m = "cash";
    if (i % 29 == 7 && status == OS::paid) m = "free";
    std::vector<Type> types;
    int64_t ev;
    if (i % 3 == 0) {
      ev = festival;
      types = {weekend};
      if (i % 2) types.push_back(saturday);
      if (i % 5 == 0) types.push_back(camping);
    } else if (i % 3 == 1) {
      ev = concert;
      types = {stalls};
      if (i % 4 == 1) types.push_back(balcony);
    } else {
      ev = (i % 2) ? jazz : club;
      types = {ev == jazz ? jazz_regular : club_entry, ev == jazz ? jazz_regular : club_entry};
    }
    int checked = (ev == jazz || ev == club) && status == OS::paid && i % 3 == 2 ? 1 : 0;
    s.order(demo, "EUR", {ev, types, status, m, day(1 + i % 88) - i * 37, i % 41 != 3, i % 4 != 0, checked, false,
                          i % 17 == 0 ? "import" : "shop"});
  }
  for (int i = 0; i < 80; ++i) {
    std::string m = i % 5 == 0 ? "bank_transfer" : i % 7 == 0 ? "invoice" : method();
    s.order(demo, "EUR", {i % 2 ? festival : concert, {i % 2 ? saturday : balcony}, OS::paid, m,
                          day(i % 30) - i * 101, true, i % 3 != 0});
  }
  for (int i = 0; i < 20; ++i)
    s.order(other, "GBP", {harbour, {quay, quay}, i % 5 == 0 ? OS::pending : OS::paid, i % 5 == 0 ? "bank_transfer" : "card",
                           day(i + 1)});
  store::recount_issued(c);
  tx.commit();
  return true;
}

}  // namespace bo::services
