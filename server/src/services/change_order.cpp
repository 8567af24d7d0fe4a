#include "services/change_order.hpp"

#include <algorithm>

#include "common/error.hpp"
#include "common/messages.hpp"
#include "common/random.hpp"
#include "common/time.hpp"
#include "domain/codes.hpp"
#include "domain/money.hpp"
#include "domain/order_status.hpp"
#include "services/compose_email.hpp"
#include "services/refunds.hpp"
#include "store/order_changes.hpp"
#include "store/orders.hpp"
#include "store/refunds.hpp"

namespace bo::services {
using nlohmann::json;

namespace {
json line_json(const domain::ChangeLine& l) {
  return {{"ticket_id", l.ticket_id ? json(*l.ticket_id) : json(nullptr)},
          {"ticket_type", {{"id", l.ticket_type_id}, {"name", l.ticket_type_name}}},
          {"event", {{"id", l.event_id}, {"name", l.event_name}}},
          {"price", l.price},
          {"fee", l.fee},
          {"status", domain::to_string(l.status)},
          {"operation", l.operation ? json(domain::to_string(*l.operation)) : json(nullptr)},
          {"new_barcode", l.new_barcode},
          {"attendee", l.attendee}};
}

json side_json(const domain::ChangeCatalog& catalog, int64_t event_id, const std::vector<domain::ChangeLine>& lines,
               int64_t total) {
  json event = nullptr;
  if (auto e = catalog.events.find(event_id); e != catalog.events.end())
    event = {{"id", e->second.id}, {"name", e->second.name}, {"starts_at", iso_utc(e->second.starts_at)}};
  json tickets = json::array();
  for (const auto& l : lines) tickets.push_back(line_json(l));
  return {{"event", event}, {"tickets", tickets}, {"total", total}};
}

json summary_json(const domain::ChangePlan& plan, const domain::ChangeCatalog& catalog, int64_t event_before) {
  return {{"before", side_json(catalog, event_before, plan.before, plan.before_total)},
          {"after", side_json(catalog, plan.event_id, plan.after, plan.after_total)},
          {"difference", plan.difference},
          {"settlement", {{"kind", domain::to_string(plan.settlement)}, {"amount", plan.settlement_amount}}},
          {"needs_finance", plan.needs_finance}};
}

// Hand-overs carry the new attendee's values: every field the ticket type requires, each valid by kind.
void validate_hand_overs(const Principal& p, const domain::OrderAggregate& a, std::vector<domain::ChangeOperation>& ops,
                         int64_t now) {
  std::map<std::string, std::string> errors;
  for (size_t i = 0; i < ops.size(); ++i) {
    auto& op = ops[i];
    if (op.kind != domain::ChangeKind::hand_over) continue;
    auto t = std::find_if(a.tickets.begin(), a.tickets.end(), [&](const auto& t) { return t.id == op.ticket_id; });
    if (t == a.tickets.end()) continue;  // the plan names it
    std::map<std::string, std::string> errs;
    op.attendee = domain::validate_attendee(t->fields, {}, op.attendee, p.organisation.country,
                                            local_date(now, p.organisation.time_zone), true, errs);
    for (const auto& [key, message] : errs)
      errors["operations[" + std::to_string(i) + "].attendee." + key] = message;
  }
  if (!errors.empty()) throw validation_failed(errors);
}

struct Prepared {
  domain::ChangeCatalog catalog;
  domain::ChangePlan plan;
  std::optional<CheckedRefund> refund;
};

Prepared prepare(Context& ctx, store::Connection& c, const Principal& p, const domain::OrderAggregate& a,
                 std::vector<domain::ChangeOperation> ops, int64_t now) {
  auto actions = domain::available_actions(domain::facts_of(a), p.organisation.policy, p.role, now);
  if (!actions.change.enabled) throw Error(actions.change.reason, domain::reason_message(actions.change.reason));
  validate_hand_overs(p, a, ops, now);
  Prepared out;
  out.catalog = store::change_catalog(c, p.organisation.id);
  out.plan = domain::plan_change(a, ops, out.catalog, now);
  if (out.plan.needs_finance && !allowed(p, domain::Permission::refund_orders))
    throw Error("needs_finance", "This change moves money or sets a price: it needs a finance role.");
  if (out.plan.refund > 0) out.refund = check_refund(ctx, p, a, {}, out.plan.refund, now);
  return out;
}

std::string ticket_words(const domain::ChangeLine& l) {
  return l.ticket_type_name + (l.event_name.empty() ? "" : " (" + l.event_name + ")");
}

// The lines the customer's e-mail lists, one per changed ticket.
std::string change_text(const domain::ChangePlan& plan, const std::string& language) {
  std::string out;
  for (size_t i = 0; i < plan.after.size(); ++i) {
    const auto& l = plan.after[i];
    if (!l.operation) continue;
    auto ticket = ticket_words(l);
    switch (*l.operation) {
      case domain::ChangeKind::swap:
        out += "- " + message(language, "change.swap", {{"old", ticket_words(plan.before[i])}, {"new", ticket}});
        break;
      case domain::ChangeKind::add: out += "- " + message(language, "change.add", {{"ticket", ticket}}); break;
      case domain::ChangeKind::cancel: out += "- " + message(language, "change.cancel", {{"ticket", ticket}}); break;
      case domain::ChangeKind::hand_over: {
        auto name = domain::attendee_name(l.attendee);
        out += "- " + (name.empty() ? message(language, "change.hand_over", {{"ticket", ticket}})
                                    : message(language, "change.hand_over_to", {{"ticket", ticket}, {"name", name}}));
        break;
      }
    }
    out += "\n";
  }
  return out;
}

std::string amount_text(const domain::ChangePlan& plan, const std::string& currency, const std::string& language) {
  auto money = [&](int64_t v) { return domain::format_money(v, currency, language); };
  switch (plan.settlement) {
    case domain::Settlement::due:
      return message(language, "change.due", {{"total", money(plan.after_total)}, {"amount", money(plan.difference)}});
    case domain::Settlement::refund: return message(language, "email.refund_line", {{"amount", money(plan.refund)}});
    case domain::Settlement::due_reduced:
    case domain::Settlement::none: break;
  }
  return "";
}

json history_json(const domain::ChangePlan& plan, int64_t change_id, std::optional<int64_t> refund_id) {
  json ops = json::array();
  for (size_t i = 0; i < plan.after.size(); ++i) {
    const auto& l = plan.after[i];
    if (!l.operation) continue;
    json old = i < plan.before.size() ? line_json(plan.before[i]) : json(nullptr);
    ops.push_back({{"type", domain::to_string(*l.operation)}, {"ticket_id", l.ticket_id ? json(*l.ticket_id) : json(nullptr)},
                   {"old", old}, {"new", line_json(l)}});
  }
  return {{"change_id", change_id}, {"operations", ops}, {"difference", plan.difference},
          {"settlement", {{"kind", domain::to_string(plan.settlement)}, {"amount", plan.settlement_amount}}},
          {"refund_id", refund_id ? json(*refund_id) : json(nullptr)}};
}

const domain::Ticket& ticket_of(const domain::OrderAggregate& a, int64_t id) {
  return *std::find_if(a.tickets.begin(), a.tickets.end(), [&](const auto& t) { return t.id == id; });
}

// Writes the planned tickets: new codes for swapped, moved, handed-over and added tickets, the old codes retired.
void write_tickets(store::Connection& c, const Principal& p, const domain::OrderAggregate& a, domain::ChangePlan& plan,
                   int64_t now) {
  bool paid = a.order.amount_due + plan.due_change == 0;  // added tickets count as sold once nothing is open
  for (auto& l : plan.after) {
    if (!l.operation) continue;
    if (*l.operation == domain::ChangeKind::add) {
      l.ticket_id = store::add_ticket(c, p.organisation.id, a.order.id, l, domain::new_barcode(),
                                      paid ? std::optional(now) : std::nullopt, now);
      continue;
    }
    if (*l.operation == domain::ChangeKind::cancel) {
      store::cancel_ticket_by_change(c, *l.ticket_id);
      continue;
    }
    store::retire_barcode(c, p.organisation.id, *l.ticket_id, ticket_of(a, *l.ticket_id).barcode, now);
    store::change_ticket(c, *l.ticket_id, l, domain::new_barcode());
  }
}
}  // namespace

std::string change_fingerprint(const ChangeInput& in) {
  json ops = json::array();
  for (const auto& op : in.operations)
    ops.push_back({domain::to_string(op.kind), op.ticket_id, op.ticket_type_id, op.quantity,
                   op.price ? json(*op.price) : json(nullptr), op.attendee});
  json j{{"expected_version", in.expected_version}, {"operations", ops}, {"notify_customer", in.notify_customer}};
  return sha256_hex(j.dump(-1, ' ', false, json::error_handler_t::replace));
}

ChangeOutcome preview_change(Context& ctx, const Principal& p, std::string_view number, const ChangeInput& in) {
  auto now = ctx.clock.now();
  auto c = ctx.db.acquire();
  store::Transaction tx(*c, false);
  auto a = load_or_404(*c, p, number);
  auto prep = prepare(ctx, *c, p, a, in.operations, now);
  ChangeOutcome out;
  out.summary = summary_json(prep.plan, prep.catalog, a.order.event_id);
  out.order = view_of(std::move(a), p, now);
  return out;
}

ChangeOutcome change_order(Context& ctx, const Principal& p, std::string_view number, const ChangeInput& in) {
  if (in.idempotency_key.size() > 200) throw validation_failed({{"Idempotency-Key", "At most 200 characters."}});
  auto now = ctx.clock.now();
  auto c = ctx.db.acquire();
  ChangeOutcome out;
  bool submit = false;
  {
    store::Transaction tx(*c);
    auto a = load_or_404(*c, p, number, true);
    if (!in.idempotency_key.empty()) {
      if (auto earlier = store::find_change_by_key(*c, p.organisation.id, in.idempotency_key)) {
        if (earlier->order_id != a.order.id || earlier->request_hash != change_fingerprint(in))
          throw Error("idempotency_key_reused", "This Idempotency-Key was used for a different change.");
        out.summary = json::parse(earlier->result);
        out.change_id = earlier->id;
        out.refund_id = earlier->refund_id;
        out.email_id = earlier->email_id;
        out.replayed = true;
        tx.commit();
        out.order = view_of(std::move(a), p, now);
        return out;
      }
    }
    if (a.order.version != in.expected_version) throw order_changed();
    auto prep = prepare(ctx, *c, p, a, in.operations, now);
    auto& plan = prep.plan;
    for (const auto& [type_id, more] : plan.capacity)
      if (!store::take_capacity(*c, type_id, more))
        throw Error("sold_out", prep.catalog.types.at(type_id).name + " is sold out.");
    if (!store::bump_version(*c, a.order.id, in.expected_version, now)) throw order_changed();
    write_tickets(*c, p, a, plan, now);
    store::save_order_after_change(*c, a.order.id, plan.event_id, plan.due_change, plan.refund, now);
    if (prep.refund) {
      RefundRequest req{plan.refund, {}, "Order change", true, false, std::nullopt, std::nullopt};
      auto started = write_refund(*c, p, a, *prep.refund, req, now);
      out.refund_id = started.id;
      submit = started.submit;
    }
    auto after = load_or_404(*c, p, number);
    if (in.notify_customer && after.order.contact.email)
      out.email_id = queue_order_email(*c, p.organisation, after, "order_changed", *after.order.contact.email,
                                       {{"change_summary", change_text(plan, order_language(p.organisation, after))},
                                        {"amount_line", amount_text(plan, a.order.currency,
                                                                    order_language(p.organisation, after))}},
                                       valid_ticket_ids(after), now);
    out.summary = summary_json(plan, prep.catalog, a.order.event_id);
    store::NewChange row{p.organisation.id, a.order.id, plan.difference, std::nullopt, change_fingerprint(in),
                         out.summary.dump(), out.refund_id, out.email_id, p.actor()};
    if (!in.idempotency_key.empty()) row.idempotency_key = in.idempotency_key;
    out.change_id = store::insert_change(*c, row, now);
    store::add_history(*c, p.organisation.id, a.order.id, "order_changed", now, p.actor(),
                       history_json(plan, *out.change_id, out.refund_id).dump());
    tx.commit();
  }
  if (submit) submit_refund(ctx, *out.refund_id);
  ctx.wake_mailer();
  out.order = view_of(load_or_404(*c, p, number), p, ctx.clock.now());
  return out;
}

ChangeOptions change_options(Context& ctx, const Principal& p, std::string_view number) {
  require(p, domain::Permission::edit_orders);
  auto now = ctx.clock.now();
  auto c = ctx.db.acquire();
  auto a = load_or_404(*c, p, number);
  auto catalog = store::change_catalog(*c, p.organisation.id);
  ChangeOptions out;
  out.current_event_id = a.order.event_id;
  for (const auto& [id, e] : catalog.events)
    if (!e.archived && now < e.ends_at) out.events.push_back(e);
  std::sort(out.events.begin(), out.events.end(), [&](const auto& x, const auto& y) {
    return std::pair(x.id != out.current_event_id, x.starts_at) < std::pair(y.id != out.current_event_id, y.starts_at);
  });
  for (const auto& [id, t] : catalog.types) out.types[t.event_id].push_back(t);
  for (auto& [event, types] : out.types)
    std::sort(types.begin(), types.end(), [](const auto& x, const auto& y) { return x.position < y.position; });
  return out;
}

namespace {
domain::OrderAggregate load_to_settle(store::Connection& c, const Principal& p, std::string_view number,
                                      int64_t expected_version, int64_t now) {
  auto a = load_or_404(c, p, number, true);
  if (a.order.version != expected_version) throw order_changed();
  auto actions = domain::available_actions(domain::facts_of(a), p.organisation.policy, p.role, now);
  if (!actions.settle.enabled) throw Error(actions.settle.reason, domain::reason_message(actions.settle.reason));
  if (!store::bump_version(c, a.order.id, expected_version, now)) throw order_changed();
  return a;
}
}  // namespace

OrderView record_payment(Context& ctx, const Principal& p, std::string_view number, const ManualPayment& in) {
  auto reference = domain::trim(in.reference);
  std::map<std::string, std::string> errors;
  if (in.amount <= 0) errors["amount"] = "Must be more than zero.";
  if (!domain::is_payment_method(in.method) || in.method == "free")
    errors["method"] = "Use card, ideal, bancontact, paypal, bank_transfer, cash or invoice.";
  if (reference.size() > 200) errors["reference"] = "At most 200 characters.";
  if (!errors.empty()) throw validation_failed(errors);
  auto now = ctx.clock.now();
  auto c = ctx.db.acquire();
  store::Transaction tx(*c);
  auto a = load_to_settle(*c, p, number, in.expected_version, now);
  if (in.amount > a.order.amount_due)
    throw validation_failed({{"amount", "At most " + domain::format_money(a.order.amount_due, a.order.currency) + " is open."}});
  store::record_manual_payment(*c, p.organisation.id, a.order.id, in.amount, in.method, a.order.currency, reference, now);
  store::add_history(*c, p.organisation.id, a.order.id, "payment_recorded", now, p.actor(),
                     json{{"amount", in.amount}, {"method", in.method}, {"reference", reference}}.dump());
  tx.commit();
  return view_of(load_or_404(*c, p, number), p, now);
}

OrderView waive_due(Context& ctx, const Principal& p, std::string_view number, int64_t expected_version,
                    const std::string& reason_in) {
  auto reason = domain::trim(reason_in);
  if (reason.empty()) throw validation_failed({{"reason", "Say why the open amount is waived."}});
  if (reason.size() > 500) throw validation_failed({{"reason", "At most 500 characters."}});
  auto now = ctx.clock.now();
  auto c = ctx.db.acquire();
  store::Transaction tx(*c);
  auto a = load_to_settle(*c, p, number, expected_version, now);
  store::waive_due(*c, a.order.id, now);
  store::add_history(*c, p.organisation.id, a.order.id, "due_waived", now, p.actor(),
                     json{{"amount", a.order.amount_due}, {"reason", reason}}.dump());
  tx.commit();
  return view_of(load_or_404(*c, p, number), p, now);
}

}  // namespace bo::services
