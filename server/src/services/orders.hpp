#pragma once
// Reading an order as a caller sees it (with its ⋯ actions), editing its contact, adding notes.
#include <string>
#include <vector>

#include "domain/order.hpp"
#include "services/auth.hpp"
#include "services/context.hpp"
#include "store/emails.hpp"
#include "store/orders.hpp"

namespace bo::services {

struct OrderView {
  domain::OrderAggregate order;
  domain::Actions actions;
  domain::Totals totals;
};

OrderView view_of(domain::OrderAggregate a, const Principal& p, int64_t now);
// Throws not_found for an unknown number or another organisation's order.
OrderView get_order(Context& ctx, const Principal& p, std::string_view number);
domain::OrderAggregate load_or_404(store::Connection& c, const Principal& p, std::string_view number,
                                   bool lock = false);
std::vector<domain::HistoryItem> order_history(Context& ctx, const Principal& p, std::string_view number);
std::vector<domain::EmailRecord> order_emails(Context& ctx, const Principal& p, std::string_view number);
std::vector<domain::OrderListItem> list_orders(Context& ctx, const Principal& p, domain::OrderFilter f);

OrderView update_contact(Context& ctx, const Principal& p, std::string_view number, int64_t expected_version,
                         const domain::ContactPatch& patch);
domain::HistoryItem add_note(Context& ctx, const Principal& p, std::string_view number, const std::string& text);

// Throws when the database cannot answer (for /healthz).
void check_database(Context& ctx);

// The orders of one page of the CSV export (finance and up).
std::vector<domain::OrderListItem> export_orders(Context& ctx, const Principal& p, domain::OrderFilter f);

}  // namespace bo::services
