// Capacity and the preview: both count only the orders a commit would create.
#include "imports/order_plan.hpp"

namespace bo::imports {

void check_capacity(Plan& plan, const Catalog& catalog) {
  std::vector<int64_t> adds(catalog.types.size(), 0);
  std::vector<uint32_t> first_over(catalog.types.size(), 0);  // line of the ticket that no longer fits
  for (const auto& t : plan.tickets) {
    if (plan.orders[t.order].exists) continue;
    const auto& type = catalog.types[t.type];
    if (++adds[t.type] > type.capacity - type.issued && first_over[t.type] == 0) first_over[t.type] = t.line;
  }
  for (size_t i = 0; i < catalog.types.size(); ++i) {
    if (first_over[i] == 0) continue;
    const auto& type = catalog.types[i];
    std::string event;
    for (const auto& e : catalog.events)
      if (e.id == type.event_id) event = e.name;
    int64_t left = std::max<int64_t>(type.capacity - type.issued, 0);
    plan.errors.add(first_over[i], "ticket_type", type.name,
                    "Not enough capacity: \"" + type.name + "\" (" + event + ") has " + std::to_string(left) + " of " +
                        std::to_string(type.capacity) + " places left; this file adds " + std::to_string(adds[i]) +
                        ".");
  }
}

TicketsByOrder group_tickets(const Plan& plan) {
  TicketsByOrder g;
  g.offsets.assign(plan.orders.size() + 1, 0);
  for (const auto& t : plan.tickets) ++g.offsets[t.order + 1];
  for (size_t i = 1; i < g.offsets.size(); ++i) g.offsets[i] += g.offsets[i - 1];
  g.tickets.resize(plan.tickets.size());
  std::vector<uint32_t> next(g.offsets.begin(), g.offsets.end() - 1);
  for (uint32_t i = 0; i < plan.tickets.size(); ++i) g.tickets[next[plan.tickets[i].order]++] = i;
  return g;
}

Summary summarise(const Plan& plan, const Catalog& catalog) {
  Summary s;
  s.rows = plan.rows;
  s.warnings = plan.warnings;
  std::vector<TypeTotal> by_type(catalog.types.size());
  std::vector<uint32_t> counted_for(catalog.types.size(), UINT32_MAX);  // the last order counted per type
  auto groups = group_tickets(plan);
  for (uint32_t o = 0; o < plan.orders.size(); ++o) {
    for (uint32_t k = groups.offsets[o]; k < groups.offsets[o + 1]; ++k) {
      const auto& t = plan.tickets[groups.tickets[k]];
      if (plan.orders[o].exists) {
        ++s.skipped_tickets;
        continue;
      }
      auto& bt = by_type[t.type];
      bt.type = t.type;
      bt.tickets += 1;
      bt.price += t.price;
      bt.fees += t.fee;
      if (counted_for[t.type] != o) {
        bt.orders += 1;
        counted_for[t.type] = o;
      }
      ++s.tickets;
      s.price += t.price;
      s.fees += t.fee;
    }
  }
  for (uint32_t i = 0; i < by_type.size(); ++i)
    if (by_type[i].tickets) s.by_type.push_back(by_type[i]);
  for (uint32_t i = 0; i < plan.orders.size(); ++i) {
    if (plan.orders[i].exists) {
      ++s.skipped_existing;
      continue;
    }
    ++s.orders;
    if (s.sample_orders.size() < 10) s.sample_orders.push_back(i);
  }
  return s;
}

}  // namespace bo::imports
