#include "services/checkin.hpp"

#include <nlohmann/json.hpp>

#include "services/orders.hpp"
#include "store/order_changes.hpp"
#include "store/orders.hpp"

namespace bo::services {

CheckinResult check_in(Context& ctx, const Principal& p, const std::string& barcode_in, bool record) {
  require(p, domain::Permission::check_in);
  std::string barcode = domain::trim(barcode_in);
  for (auto& ch : barcode) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  auto now = ctx.clock.now();
  auto c = ctx.db.acquire();
  store::Transaction tx(*c);
  auto found = store::find_ticket_by_barcode(*c, p.organisation.id, barcode);
  if (!found) {
    bool replaced = store::is_retired_barcode(*c, p.organisation.id, barcode);
    tx.commit();
    return {replaced ? "replaced" : "unknown", std::nullopt, "", ""};
  }
  auto a = store::load_order_by_id(*c, p.organisation.id, found->order_id, true);
  auto& t = *std::find_if(a->tickets.begin(), a->tickets.end(),
                          [&](const domain::Ticket& x) { return x.id == found->ticket_id; });
  CheckinResult r{"", t, a->order.number, a->event.name};
  if (t.status == domain::TicketStatus::cancelled) r.result = "cancelled";
  else if (t.status == domain::TicketStatus::refunded) r.result = "refunded";
  else if (a->order.status == domain::OrderStatus::pending) r.result = "not_paid";
  else if (t.checked_in_at) r.result = "already_checked_in";
  else if (!record) r.result = "valid";
  else {
    store::set_ticket_checked_in(*c, t.id, now);
    store::add_history(*c, p.organisation.id, a->order.id, "ticket_checked_in", now, p.actor(),
                       nlohmann::json{{"ticket_id", t.id}, {"ticket_type", t.ticket_type_name}}.dump());
    r.ticket->checked_in_at = now;
    r.result = "valid";
  }
  tx.commit();
  return r;
}

}  // namespace bo::services
