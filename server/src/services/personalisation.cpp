#include "services/personalisation.hpp"

#include <nlohmann/json.hpp>

#include "common/error.hpp"
#include "common/random.hpp"
#include "services/compose_email.hpp"
#include "services/orders.hpp"
#include "store/personalisation_links.hpp"
#include "store/orders.hpp"
#include "store/organisations.hpp"

namespace bo::services {
using nlohmann::json;

namespace {
PersonalisationView view_of(const domain::Organisation& org, domain::OrderAggregate a) {
  std::vector<domain::Ticket> keep;
  for (auto& t : a.tickets)
    if (t.status == domain::TicketStatus::valid && !t.fields.empty()) keep.push_back(std::move(t));
  a.tickets = std::move(keep);
  return {org, std::move(a)};
}

void require_enabled(const domain::OrderAggregate& a, const domain::Organisation& org, domain::Role role, int64_t now) {
  auto actions = domain::available_actions(domain::facts_of(a), org.policy, role, now);
  if (!actions.personalisation.enabled)
    throw Error(actions.personalisation.reason, domain::reason_message(actions.personalisation.reason));
}

// Validates every ticket's input, then writes all of it with history; throws before writing anything.
void save(store::Connection& c, const domain::Organisation& org, domain::OrderAggregate& a, const AttendeeInput& input,
          const domain::Actor& actor, bool require_all, int64_t now) {
  std::map<std::string, std::string> errors;
  std::map<int64_t, domain::AttendeeValues> updated;
  for (const auto& [ticket_id, values] : input) {
    auto t = std::find_if(a.tickets.begin(), a.tickets.end(), [&ticket_id = ticket_id](const domain::Ticket& x) { return x.id == ticket_id; });
    if (t == a.tickets.end() || t->status != domain::TicketStatus::valid || t->fields.empty()) {
      errors[std::to_string(ticket_id)] = "This ticket cannot be personalised.";
      continue;
    }
    std::map<std::string, std::string> field_errors;
    auto merged = domain::validate_attendee(t->fields, t->attendee, values, org.country,
                                            local_date(now, org.time_zone), require_all, field_errors);
    for (const auto& [k, m] : field_errors) errors[std::to_string(ticket_id) + "." + k] = m;
    updated[ticket_id] = std::move(merged);
  }
  if (!errors.empty()) throw validation_failed(errors);
  bool changed = false;
  for (auto& t : a.tickets) {
    auto it = updated.find(t.id);
    if (it == updated.end() || it->second == t.attendee) continue;
    json changes = json::object();
    for (const auto& f : t.fields) {
      auto before = t.attendee.count(f.key) ? json(t.attendee.at(f.key)) : json(nullptr);
      auto after = it->second.count(f.key) ? json(it->second.at(f.key)) : json(nullptr);
      if (before != after) changes[f.key] = {{"old", before}, {"new", after}};
    }
    store::set_ticket_attendee(c, t.id, it->second);
    store::add_history(c, org.id, a.order.id, "personalisation_updated", now, actor,
                       json{{"ticket_id", t.id}, {"ticket_type", t.ticket_type_name}, {"changes", changes}}.dump());
    t.attendee = it->second;
    changed = true;
  }
  if (changed) {
    store::bump_version(c, a.order.id, a.order.version, now);
    a.order.version += 1;
  }
}

struct LinkTarget {
  domain::Organisation org;
  int64_t order_id;
};

LinkTarget resolve(store::Connection& c, const std::string& token, int64_t now) {
  auto link = store::find_personalisation_link(c, sha256_hex(token));
  if (!link || link->expires_at <= now)
    throw Error("not_found", "This link has expired or is not valid. Ask the organiser for a new one.");
  return {*store::find_organisation(c, link->organisation_id), link->order_id};
}
}  // namespace

PersonalisationView get_personalisation(Context& ctx, const Principal& p, std::string_view number) {
  auto c = ctx.db.acquire();
  return view_of(p.organisation, load_or_404(*c, p, number));
}

PersonalisationView save_personalisation(Context& ctx, const Principal& p, std::string_view number,
                                         const AttendeeInput& input) {
  auto now = ctx.clock.now();
  auto c = ctx.db.acquire();
  store::Transaction tx(*c);
  auto a = load_or_404(*c, p, number, true);
  require_enabled(a, p.organisation, p.role, now);
  save(*c, p.organisation, a, input, p.actor(), false, now);
  tx.commit();
  return view_of(p.organisation, std::move(a));
}

PersonalisationLink create_personalisation_link(Context& ctx, const Principal& p, std::string_view number,
                                                bool send_email) {
  auto now = ctx.clock.now();
  auto c = ctx.db.acquire();
  store::Transaction tx(*c);
  auto a = load_or_404(*c, p, number, true);
  require_enabled(a, p.organisation, p.role, now);
  if (send_email && !a.order.contact.email) throw Error("no_email", domain::reason_message("no_email"));
  PersonalisationLink link;
  link.token = random_token(32);
  link.expires_at = now + ctx.settings.personalisation_link_days * 86400;
  link.url = ctx.settings.public_url + "/p/" + link.token;
  store::insert_personalisation_link(*c, p.organisation.id, a.order.id, sha256_hex(link.token), link.expires_at, now);
  if (send_email)
    link.email_id = queue_order_email(*c, p.organisation, a, "personalisation_link", *a.order.contact.email,
                                      {{"link", link.url}, {"link_expires", local_human(link.expires_at, p.organisation.time_zone, order_language(p.organisation, a))}},
                                      {}, now);
  store::add_history(*c, p.organisation.id, a.order.id, "personalisation_link_created", now, p.actor(),
                     json{{"expires_at", iso_utc(link.expires_at)}, {"emailed_to", send_email ? json(*a.order.contact.email) : json(nullptr)}}.dump());
  tx.commit();
  ctx.wake_mailer();
  return link;
}

PersonalisationView get_personalisation_by_token(Context& ctx, const std::string& token) {
  auto c = ctx.db.acquire();
  auto target = resolve(*c, token, ctx.clock.now());
  return view_of(target.org, *store::load_order_by_id(*c, target.org.id, target.order_id));
}

PersonalisationView save_personalisation_by_token(Context& ctx, const std::string& token, const AttendeeInput& input) {
  auto now = ctx.clock.now();
  auto c = ctx.db.acquire();
  store::Transaction tx(*c);
  auto target = resolve(*c, token, now);
  auto a = *store::load_order_by_id(*c, target.org.id, target.order_id, true);
  require_enabled(a, target.org, domain::Role::support, now);
  domain::Actor customer{"customer", std::nullopt,
                         a.order.contact.first_name.value_or("Customer") + " (personalisation link)"};
  save(*c, target.org, a, input, customer, true, now);
  tx.commit();
  return view_of(target.org, std::move(a));
}

}  // namespace bo::services
