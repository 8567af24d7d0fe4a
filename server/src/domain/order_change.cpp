#include "domain/order_change.hpp"

#include <algorithm>
#include <set>

#include "common/error.hpp"
#include "domain/codes.hpp"
#include "domain/money.hpp"
#include "domain/setup_rules.hpp"

namespace bo::domain {

std::string_view to_string(ChangeKind k) {
  switch (k) {
    case ChangeKind::swap: return "swap";
    case ChangeKind::add: return "add";
    case ChangeKind::cancel: return "cancel";
    case ChangeKind::hand_over: return "hand_over";
  }
  return "swap";
}

std::string_view to_string(Settlement s) {
  switch (s) {
    case Settlement::none: return "none";
    case Settlement::due: return "due";
    case Settlement::due_reduced: return "due_reduced";
    case Settlement::refund: return "refund";
  }
  return "none";
}

namespace {
std::string field(size_t i, const char* name) { return "operations[" + std::to_string(i) + "]." + name; }

// The ticket type an operation names, of an event that still takes changes.
const TicketType& target_type(const ChangeCatalog& catalog, size_t i, int64_t id, int64_t now) {
  auto t = catalog.types.find(id);
  auto e = t == catalog.types.end() ? catalog.events.end() : catalog.events.find(t->second.event_id);
  if (e == catalog.events.end() || e->second.archived)
    throw validation_failed({{field(i, "ticket_type_id"), "No such ticket type."}});
  if (now >= e->second.ends_at)
    throw Error("event_ended", e->second.name + " has ended; tickets cannot be changed into it.",
                {{field(i, "ticket_type_id"), e->second.name + " has ended."}});
  return t->second;
}

ChangeLine line_of(const Ticket& t, const ChangeCatalog& catalog) {
  ChangeLine l;
  l.ticket_id = t.id;
  l.ticket_type_id = t.ticket_type_id;
  l.ticket_type_name = t.ticket_type_name;
  if (auto tt = catalog.types.find(t.ticket_type_id); tt != catalog.types.end()) {
    l.event_id = tt->second.event_id;
    if (auto e = catalog.events.find(l.event_id); e != catalog.events.end()) l.event_name = e->second.name;
  }
  l.price = t.price;
  l.fee = t.fee;
  l.status = t.status;
  l.attendee = t.attendee;
  return l;
}

void set_type(ChangeLine& l, const TicketType& type, const ChangeCatalog& catalog, std::optional<int64_t> price) {
  l.ticket_type_id = type.id;
  l.ticket_type_name = type.name;
  l.event_id = type.event_id;
  l.event_name = catalog.events.at(type.event_id).name;
  l.price = price.value_or(type.price);
  l.fee = type.fee;
}

void check_price(size_t i, const std::optional<int64_t>& price) {
  if (price && (*price < 0 || *price > kMaxPrice))
    throw validation_failed({{field(i, "price"), "Must be between 0 and " + std::to_string(kMaxPrice) + "."}});
}

// Keeps the attendee values that the new type still asks for.
AttendeeValues kept_values(const AttendeeValues& values, const std::vector<FieldDef>& fields) {
  AttendeeValues out;
  for (const auto& f : fields)
    if (auto v = values.find(f.key); v != values.end()) out.insert(*v);
  return out;
}

int64_t sum(const std::vector<ChangeLine>& lines) {
  int64_t total = 0;
  for (const auto& l : lines)
    if (l.status == TicketStatus::valid) total += l.price + l.fee;
  return total;
}
}  // namespace

ActionState ticket_change(const Ticket& t) {
  if (t.checked_in_at) return {false, "ticket_checked_in"};
  if (t.status != TicketStatus::valid) return {false, "ticket_not_valid"};
  return {true, ""};
}

ChangePlan plan_change(const OrderAggregate& a, const std::vector<ChangeOperation>& ops, const ChangeCatalog& catalog,
                       int64_t now) {
  if (ops.empty()) throw Error("nothing_to_change", "Say what to change: at least one operation.");
  if (ops.size() > static_cast<size_t>(kMaxChangeOperations))
    throw validation_failed({{"operations", "At most " + std::to_string(kMaxChangeOperations) + " operations."}});
  ChangePlan plan;
  std::map<int64_t, size_t> line_of_ticket;
  for (const auto& t : a.tickets) {
    if (t.status != TicketStatus::valid) continue;
    line_of_ticket[t.id] = plan.before.size();
    plan.before.push_back(line_of(t, catalog));
  }
  plan.after = plan.before;
  std::set<int64_t> touched;
  for (size_t i = 0; i < ops.size(); ++i) {
    const auto& op = ops[i];
    check_price(i, op.price);
    if (op.price) plan.needs_finance = true;
    if (op.kind == ChangeKind::add) {
      if (op.quantity < 1 || op.quantity > kMaxAddQuantity)
        throw validation_failed({{field(i, "quantity"), "Between 1 and " + std::to_string(kMaxAddQuantity) + "."}});
      const auto& type = target_type(catalog, i, op.ticket_type_id, now);
      if (plan.after.size() - plan.before.size() + op.quantity > static_cast<size_t>(kMaxAddQuantity))
        throw validation_failed({{field(i, "quantity"), "At most " + std::to_string(kMaxAddQuantity) +
                                                            " tickets can be added in one change."}});
      for (int n = 0; n < op.quantity; ++n) {
        ChangeLine l;
        set_type(l, type, catalog, op.price);
        l.operation = ChangeKind::add;
        l.new_barcode = true;
        plan.after.push_back(std::move(l));
      }
      plan.capacity[type.id] += op.quantity;
      continue;
    }
    auto ticket = std::find_if(a.tickets.begin(), a.tickets.end(), [&](const Ticket& t) { return t.id == op.ticket_id; });
    if (ticket == a.tickets.end())
      throw validation_failed({{field(i, "ticket_id"), "No such ticket in this order."}});
    if (!touched.insert(op.ticket_id).second)
      throw validation_failed({{field(i, "ticket_id"), "This ticket is already changed by another operation."}});
    if (ticket->checked_in_at)
      throw Error("ticket_checked_in", "Ticket " + mask_barcode(ticket->barcode) + " has been checked in; it cannot be changed.",
                  {{field(i, "ticket_id"), "Checked in."}});
    if (ticket->status != TicketStatus::valid)
      throw Error("ticket_not_valid", "Ticket " + mask_barcode(ticket->barcode) + " is " + std::string(to_string(ticket->status)) +
                                          "; only valid tickets can be changed.",
                  {{field(i, "ticket_id"), "Not valid."}});
    auto& l = plan.after[line_of_ticket.at(op.ticket_id)];
    l.operation = op.kind;
    switch (op.kind) {
      case ChangeKind::swap: {
        const auto& type = target_type(catalog, i, op.ticket_type_id, now);
        if (type.id == ticket->ticket_type_id && (!op.price || *op.price == ticket->price))
          throw validation_failed({{field(i, "ticket_type_id"), "The ticket is of this type already."}});
        if (type.id != ticket->ticket_type_id) {
          plan.capacity[type.id] += 1;
          plan.capacity[ticket->ticket_type_id] -= 1;
        }
        set_type(l, type, catalog, op.price);
        l.attendee = kept_values(l.attendee, type.fields);
        l.new_barcode = type.id != ticket->ticket_type_id;  // a new price alone keeps the code
        break;
      }
      case ChangeKind::cancel:
        l.status = TicketStatus::cancelled;
        plan.capacity[ticket->ticket_type_id] -= 1;
        break;
      case ChangeKind::hand_over:
        l.attendee = op.attendee;
        l.new_barcode = true;
        break;
      case ChangeKind::add: break;
    }
  }
  bool any_valid = false;
  plan.event_id = a.order.event_id;
  for (const auto& l : plan.after) {
    if (l.status != TicketStatus::valid) continue;
    if (!any_valid) plan.event_id = l.event_id;
    else if (l.event_id != plan.event_id)
      throw Error("mixed_events", "An order holds tickets of one event: move all its tickets together.");
    any_valid = true;
  }
  if (!any_valid) throw Error("no_tickets_left", "The order would have no tickets left; cancel the order instead.");
  for (const auto& [type_id, more] : plan.capacity) {
    if (more <= 0) continue;
    const auto& type = catalog.types.at(type_id);
    if (type.issued + more > type.capacity)
      throw Error("sold_out", type.name + " has " + std::to_string(std::max<int64_t>(0, type.capacity - type.issued)) +
                                  " tickets left.");
  }
  plan.before_total = sum(plan.before);
  plan.after_total = sum(plan.after);
  plan.difference = plan.after_total - plan.before_total;
  if (plan.difference != 0) plan.needs_finance = true;
  // A rise is owed; a fall first lowers what is still owed, the rest goes back.
  if (plan.difference > 0) {
    plan.due_change = plan.difference;
    plan.settlement = Settlement::due;
    plan.settlement_amount = plan.difference;
  } else if (plan.difference < 0) {
    plan.due_change = -std::min(a.order.amount_due, -plan.difference);
    plan.refund = -plan.difference + plan.due_change;
    plan.settlement = plan.refund > 0 ? Settlement::refund : Settlement::due_reduced;
    plan.settlement_amount = plan.refund > 0 ? plan.refund : -plan.due_change;
  }
  return plan;
}

}  // namespace bo::domain
