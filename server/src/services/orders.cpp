#include "services/orders.hpp"

#include <nlohmann/json.hpp>

#include "common/error.hpp"

namespace bo::services {
using nlohmann::json;

OrderView view_of(domain::OrderAggregate a, const Principal& p, int64_t now) {
  OrderView v;
  v.actions = domain::available_actions(domain::facts_of(a), p.organisation.policy, p.role, now);
  v.totals = domain::totals_of(a, v.actions);
  v.order = std::move(a);
  return v;
}

domain::OrderAggregate load_or_404(store::Connection& c, const Principal& p, std::string_view number, bool lock) {
  auto a = store::load_order(c, p.organisation.id, number, lock);
  if (!a) throw not_found();
  return std::move(*a);
}

OrderView get_order(Context& ctx, const Principal& p, std::string_view number) {
  auto c = ctx.db.acquire();
  return view_of(load_or_404(*c, p, number), p, ctx.clock.now());
}

std::vector<domain::HistoryItem> order_history(Context& ctx, const Principal& p, std::string_view number) {
  auto c = ctx.db.acquire();
  auto id = store::find_order_id(*c, p.organisation.id, number);
  if (!id) throw not_found();
  return store::load_history(*c, *id);
}

std::vector<domain::EmailRecord> order_emails(Context& ctx, const Principal& p, std::string_view number) {
  auto c = ctx.db.acquire();
  auto id = store::find_order_id(*c, p.organisation.id, number);
  if (!id) throw not_found();
  return store::emails_of_order(*c, *id);
}

std::vector<domain::OrderListItem> export_orders(Context& ctx, const Principal& p, domain::OrderFilter f) {
  require(p, domain::Permission::export_orders);
  return list_orders(ctx, p, std::move(f));
}

void check_database(Context& ctx) {
  auto c = ctx.db.acquire();
  store::ping(*c);
}

std::vector<domain::OrderListItem> list_orders(Context& ctx, const Principal& p, domain::OrderFilter f) {
  f.phone_region = p.organisation.country;
  auto c = lagging_reads(ctx).acquire();
  return store::list_orders(*c, p.organisation.id, f);
}

OrderView update_contact(Context& ctx, const Principal& p, std::string_view number, int64_t expected_version,
                         const domain::ContactPatch& patch) {
  require(p, domain::Permission::edit_orders);
  auto now = ctx.clock.now();
  auto c = ctx.db.acquire();
  store::Transaction tx(*c);
  auto a = load_or_404(*c, p, number, true);
  if (a.order.version != expected_version) throw order_changed();
  auto updated = domain::apply_contact_patch(a.order.contact, patch, p.organisation.country,
                                             local_date(now, p.organisation.time_zone));
  json changes = json::object();
  for (auto name : domain::contact_text_fields()) {
    const auto& before = *domain::contact_field(a.order.contact, name);
    const auto& after = *domain::contact_field(updated, name);
    if (before != after)
      changes[std::string(name)] = {{"old", before ? json(*before) : json(nullptr)},
                                    {"new", after ? json(*after) : json(nullptr)}};
  }
  if (a.order.contact.marketing_opt_in != updated.marketing_opt_in)
    changes["marketing_opt_in"] = {{"old", a.order.contact.marketing_opt_in}, {"new", updated.marketing_opt_in}};
  if (changes.empty()) return view_of(std::move(a), p, now);
  if (!store::bump_version(*c, a.order.id, expected_version, now)) throw order_changed();
  store::save_contact(*c, a.order.id, updated);
  store::add_history(*c, p.organisation.id, a.order.id, "contact_updated", now, p.actor(),
                     json{{"changes", changes}}.dump());
  a.order.contact = updated;
  a.order.version += 1;
  tx.commit();
  return view_of(std::move(a), p, now);
}

domain::HistoryItem add_note(Context& ctx, const Principal& p, std::string_view number, const std::string& text_in) {
  require(p, domain::Permission::edit_orders);
  auto text = domain::trim(text_in);
  if (text.empty()) throw validation_failed({{"text", "Write a note first."}});
  if (text.size() > 5000) throw validation_failed({{"text", "At most 5000 characters."}});
  auto now = ctx.clock.now();
  auto c = ctx.db.acquire();
  store::Transaction tx(*c);
  auto a = load_or_404(*c, p, number);
  auto data = json{{"text", text}}.dump();
  auto id = store::add_history(*c, p.organisation.id, a.order.id, "note_added", now, p.actor(), data);
  tx.commit();
  return domain::HistoryItem{id, now, "note_added", p.actor(), data};
}

}  // namespace bo::services
