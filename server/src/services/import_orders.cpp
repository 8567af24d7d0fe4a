// The validate and commit steps of an order import, shared by the worker and the command line.
#include "services/import_orders.hpp"

#include <nlohmann/json.hpp>

#include <stdexcept>
#include <unordered_set>

#include "common/error.hpp"
#include "common/time.hpp"
#include "domain/codes.hpp"
#include "services/compose_email.hpp"
#include "store/import_writer.hpp"
#include "store/orders.hpp"

namespace bo::services {
namespace {
using nlohmann::json;

constexpr size_t kNumbersKept = 100;
constexpr int kCommitAttempts = 3;  // a random code taken meanwhile: draw again

// `n` order numbers, unique among themselves and unused by any order.
std::vector<std::string> fresh_numbers(store::Connection& c, size_t n) {
  std::vector<std::string> numbers(n);
  std::unordered_set<std::string> drawn;
  drawn.reserve(n * 2);
  std::vector<size_t> todo(n);
  for (size_t i = 0; i < n; ++i) todo[i] = i;
  while (!todo.empty()) {
    for (auto i : todo) {
      do numbers[i] = domain::new_order_number();
      while (!drawn.insert(numbers[i]).second);
    }
    std::vector<std::string> candidates;
    candidates.reserve(todo.size());
    for (auto i : todo) candidates.push_back(numbers[i]);
    auto taken = store::taken_numbers(c, candidates);
    std::vector<size_t> again;
    for (auto i : todo)
      if (taken.count(numbers[i])) again.push_back(i);
    todo = std::move(again);
  }
  return numbers;
}

// Refreshes the catalog's capacity figures from locked rows; false when an event or ticket type the plan
// uses is gone or was moved.
imports::Catalog catalog_of(store::Connection& c, const domain::Organisation& org, bool lock) {
  auto rows = store::load_catalog(c, org.id, lock);
  return imports::make_catalog(org, rows.events, rows.types);
}

bool refresh_catalog(imports::Catalog& catalog, const imports::Catalog& fresh) {
  std::unordered_map<int64_t, const imports::CatalogType*> by_id;
  for (const auto& t : fresh.types) by_id[t.id] = &t;
  for (auto& t : catalog.types) {
    auto it = by_id.find(t.id);
    if (it == by_id.end() || it->second->event_id != t.event_id) return false;
    t.capacity = it->second->capacity;
    t.issued = it->second->issued;
  }
  return true;
}

std::string history_data(int64_t import_id, const std::string& file_name_json, std::string_view ref,
                         const imports::TicketsByOrder& groups, const imports::Plan& plan, uint32_t order) {
  std::string d = "{\"import_id\":" + std::to_string(import_id) + ",\"file_name\":" + file_name_json +
                  ",\"order_ref\":" + json(std::string(ref)).dump() + ",\"lines\":[";
  for (uint32_t k = groups.offsets[order]; k < groups.offsets[order + 1]; ++k) {
    if (k > groups.offsets[order]) d += ',';
    d += std::to_string(plan.tickets[groups.tickets[k]].line);
  }
  d += "]}";
  return d;
}

// The ticket e-mail of a new order, through the outbox (delivered after the commit).
void queue_tickets(store::Connection& c, const domain::Organisation& org, int64_t order_id, const domain::Actor& actor,
                   int64_t now) {
  auto a = store::load_order_by_id(c, org.id, order_id);
  if (!a || !a->order.contact.email) return;
  auto tickets = valid_ticket_ids(*a);
  auto email_id = queue_order_email(c, org, *a, "tickets", *a->order.contact.email, {}, tickets, now);
  store::add_history(c, org.id, order_id, "tickets_sent", now, actor,
                     json{{"email_id", email_id}, {"to", *a->order.contact.email}, {"tickets", tickets.size()}}.dump());
}

CommitResult write_once(store::Connection& c, const domain::Organisation& org, Validation& v,
                        const imports::TicketsByOrder& groups, const CommitOptions& opt,
                        const imports::ProgressFn& progress) {
  auto& plan = *v.plan;
  store::ForeignKeyChecksOff fk_checks(c);  // every reference written is checked here or written here
  store::BulkCommit bulk_commit(c);
  store::Transaction tx(c);
  if (opt.import_id) {
    auto status = store::lock_import(c, *opt.import_id);
    if (!status || *status != domain::ImportStatus::committing)
      throw Error("import_not_ready", "This import is no longer waiting to be committed.");
  }
  if (!refresh_catalog(v.catalog, catalog_of(c, org, true)))
    throw Error("catalog_changed", "Events or ticket types changed during the import. Validate the file again.");
  imports::mark_existing(plan, store::existing_refs(c, org.id, imports::refs_of(plan)));
  imports::check_capacity(plan, v.catalog);
  if (!plan.errors.empty()) return CommitResult{};
  v.summary = imports::summarise(plan, v.catalog);
  const auto& s = v.summary;

  CommitResult result;
  result.summary = s;
  const auto n = static_cast<size_t>(s.orders), m = static_cast<size_t>(s.tickets);
  auto numbers = fresh_numbers(c, n);
  auto order_ids = c.reserve_ids("orders", static_cast<int64_t>(n));
  auto ticket_ids = c.reserve_ids("tickets", static_cast<int64_t>(m));
  auto payment_ids = c.reserve_ids("payments", static_cast<int64_t>(n));
  auto history_ids = c.reserve_ids("history", static_cast<int64_t>(n));

  const int64_t import_id = opt.import_id.value_or(0);
  const int64_t total = static_cast<int64_t>(3 * n + m);
  int64_t done = 0;
  auto step = [&] {
    if ((++done & 0x1FFF) == 0 && progress) progress({"writing", done, total});
  };
  store::IndexRebuild orders_indexes(c, "orders", static_cast<int64_t>(n));
  store::IndexRebuild tickets_indexes(c, "tickets", static_cast<int64_t>(m));
  store::IndexRebuild payments_indexes(c, "payments", static_cast<int64_t>(n));
  store::IndexRebuild history_indexes(c, "history", static_cast<int64_t>(n));
  store::ImportWriter w(c, org.id, org.currency, import_id, opt.actor);

  std::vector<uint32_t> created;  // plan order index of each created order, in id order
  created.reserve(n);
  for (uint32_t i = 0; i < plan.orders.size(); ++i)
    if (!plan.orders[i].exists) created.push_back(i);

  for (size_t k = 0; k < n; ++k) {
    const auto& o = plan.orders[created[k]];
    store::ImportedOrder row;
    row.id = order_ids[k];
    row.event_id = v.catalog.events[o.event].id;
    row.number = numbers[k];
    row.status = o.paid ? domain::OrderStatus::paid : domain::OrderStatus::pending;
    row.external_ref = o.ref;
    row.payment_method = imports::to_string(o.method);
    row.email = o.email;
    row.first_name = o.first_name;
    row.last_name = o.last_name;
    row.mobile = o.mobile;
    row.language = o.language;
    row.ticket_count = o.tickets;
    row.total_price = o.price;
    row.total_fees = o.fees;
    row.created_at = o.ordered_at;
    row.updated_at = opt.now;
    if (o.paid) row.paid_at = o.ordered_at;
    w.order(row);
    step();
  }
  size_t next_ticket = 0;
  for (size_t k = 0; k < n; ++k) {
    const auto order = created[k];
    const auto& o = plan.orders[order];
    for (uint32_t g = groups.offsets[order]; g < groups.offsets[order + 1]; ++g) {
      const auto& t = plan.tickets[groups.tickets[g]];
      const std::string barcode = domain::new_barcode();
      store::ImportedTicket row;
      row.id = ticket_ids[next_ticket++];
      row.order_id = order_ids[k];
      row.ticket_type_id = v.catalog.types[t.type].id;
      row.price = t.price;
      row.fee = t.fee;
      row.barcode = barcode;
      row.attendee = t.attendee;
      row.created_at = o.ordered_at;
      if (o.paid) row.paid_at = o.ordered_at;
      w.ticket(row);
      step();
    }
  }
  for (size_t k = 0; k < n; ++k) {
    const auto& o = plan.orders[created[k]];
    store::ImportedPayment row;
    row.id = payment_ids[k];
    row.order_id = order_ids[k];
    row.method = imports::to_string(o.method);
    row.provider = imports::provider_for(o.method);
    row.amount = o.price + o.fees;
    row.status = o.paid ? domain::PaymentStatus::paid : domain::PaymentStatus::pending;
    if (o.paid) row.paid_at = o.ordered_at;
    row.created_at = o.ordered_at;
    w.payment(row);
    step();
  }
  const std::string file_name_json = json(opt.file_name).dump();
  for (size_t k = 0; k < n; ++k) {
    const auto data = history_data(import_id, file_name_json, plan.orders[created[k]].ref, groups, plan, created[k]);
    w.history({history_ids[k], order_ids[k], opt.now, data});
    step();
  }
  w.finish();
  if (progress) progress({"writing", done, total});
  orders_indexes.rebuild();
  tickets_indexes.rebuild();
  payments_indexes.rebuild();
  history_indexes.rebuild();
  for (const auto& t : s.by_type) store::add_issued(c, v.catalog.types[t.type].id, t.tickets);

  if (opt.send_emails)
    for (size_t k = 0; k < n; ++k)
      if (plan.orders[created[k]].paid) queue_tickets(c, org, order_ids[k], opt.actor, opt.now);
  for (size_t k = 0; k < n && k < kNumbersKept; ++k) result.numbers.push_back(numbers[k]);
  if (opt.import_id)
    store::save_commit(c, *opt.import_id, summary_json(v, result.summary), json(result.numbers).dump(), opt.now);
  tx.commit();
  if (progress) progress({"writing", total, total});
  result.committed = true;
  return result;
}

json ref_json(int64_t id, const std::string& name) { return {{"id", id}, {"name", name}}; }
}  // namespace

Validation validate_import(store::Connection& c, const domain::Organisation& org, std::string_view file, int64_t now,
                           const imports::ProgressFn& progress) {
  Validation v;
  v.catalog = catalog_of(c, org, false);
  v.plan = imports::read_plan(file, v.catalog, now, progress);
  imports::mark_existing(*v.plan, store::existing_refs(c, org.id, imports::refs_of(*v.plan)));
  imports::check_capacity(*v.plan, v.catalog);
  v.summary = imports::summarise(*v.plan, v.catalog);
  return v;
}

CommitResult commit_import(store::Connection& c, const domain::Organisation& org, Validation& v,
                           const CommitOptions& options, const imports::ProgressFn& progress) {
  if (!v.ok()) throw std::logic_error("an import with errors cannot be committed");
  const auto groups = imports::group_tickets(*v.plan);
  for (int attempt = 1;; ++attempt) {
    try {
      return write_once(c, org, v, groups, options, progress);
    } catch (const store::DbError& e) {
      if (!e.unique_violation || attempt == kCommitAttempts) throw;
    }
  }
}

std::string summary_json(const Validation& v, const imports::Summary& s) {
  const auto& cat = v.catalog;
  const auto& plan = *v.plan;
  auto event_of = [&](uint32_t e) { return ref_json(cat.events[e].id, cat.events[e].name); };
  auto type_of = [&](uint32_t t) { return ref_json(cat.types[t].id, cat.types[t].name); };
  std::unordered_map<int64_t, uint32_t> event_index;
  for (uint32_t i = 0; i < cat.events.size(); ++i) event_index[cat.events[i].id] = i;

  json by_type = json::array();
  for (const auto& t : s.by_type)
    by_type.push_back({{"event", event_of(event_index[cat.types[t.type].event_id])},
                       {"ticket_type", type_of(t.type)},
                       {"orders", t.orders},
                       {"tickets", t.tickets},
                       {"price", t.price},
                       {"fees", t.fees},
                       {"total", t.price + t.fees}});

  std::unordered_map<uint32_t, size_t> sample_slot;
  json samples = json::array();
  for (auto i : s.sample_orders) {
    const auto& o = plan.orders[i];
    sample_slot[i] = samples.size();
    auto opt = [](std::string_view x) { return x.empty() ? json(nullptr) : json(std::string(x)); };
    samples.push_back({{"order_ref", std::string(o.ref)},
                       {"line", o.first_line},
                       {"email", std::string(o.email)},
                       {"first_name", opt(o.first_name)},
                       {"last_name", opt(o.last_name)},
                       {"mobile", opt(o.mobile)},
                       {"language", opt(o.language)},
                       {"event", event_of(o.event)},
                       {"payment_method", std::string(imports::to_string(o.method))},
                       {"status", o.paid ? "paid" : "pending"},
                       {"ordered_at", iso_utc(o.ordered_at)},
                       {"tickets", json::array()},
                       {"price", o.price},
                       {"fees", o.fees},
                       {"total", o.price + o.fees}});
  }
  if (!sample_slot.empty())
    for (const auto& t : plan.tickets) {
      auto it = sample_slot.find(t.order);
      if (it == sample_slot.end()) continue;
      samples[it->second]["tickets"].push_back(
          {{"line", t.line},
           {"ticket_type", type_of(t.type)},
           {"price", t.price},
           {"fee", t.fee},
           {"attendee", t.attendee.empty() ? json::object() : json::parse(t.attendee)}});
    }
  return json{{"currency", cat.currency},
              {"rows", s.rows},
              {"orders", s.orders},
              {"tickets", s.tickets},
              {"skipped_existing", s.skipped_existing},
              {"skipped_tickets", s.skipped_tickets},
              {"totals", {{"price", s.price}, {"fees", s.fees}, {"total", s.price + s.fees}}},
              {"totals_by_type", by_type},
              {"sample_orders", samples},
              {"warnings", s.warnings}}
      .dump();
}

std::string errors_json(const std::vector<imports::RowError>& errors) {
  json out = json::array();
  for (const auto& e : errors)
    out.push_back({{"line", e.line}, {"column", e.column}, {"value", e.value}, {"message", e.message}});
  return out.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace bo::services
