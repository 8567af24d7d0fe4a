#include "services/deliver_email.hpp"

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>

#include "domain/personalisation.hpp"
#include "domain/money.hpp"
#include "services/compose_email.hpp"
#include "store/emails.hpp"
#include "store/orders.hpp"
#include "store/organisations.hpp"
#include "tickets/ticket_pdf.hpp"

namespace bo::services {
using mail::Attachment;
using mail::Message;
using mail::SendResult;
namespace {
// The PDF with the still-valid tickets among `ids`; nullopt when none is valid any more.
std::optional<Attachment> tickets_pdf(store::Connection& c, const domain::Organisation& org, int64_t order_id,
                                      const std::vector<int64_t>& ids) {
  auto a = store::load_order_by_id(c, org.id, order_id);
  if (!a) return std::nullopt;
  std::vector<tickets::TicketPrint> prints;
  auto language = order_language(org, *a);
  for (const auto& t : a->tickets) {
    if (t.status != domain::TicketStatus::valid || std::find(ids.begin(), ids.end(), t.id) == ids.end()) continue;
    prints.push_back({org.name, a->event.name, local_human(a->event.starts_at, org.time_zone, language), a->event.venue,
                      t.ticket_type_name, domain::attendee_name(t.attendee), a->order.number, t.barcode,
                      domain::format_money(t.price + t.fee, a->order.currency, language), language});
  }
  if (prints.empty()) return std::nullopt;
  return Attachment{"tickets-" + a->order.number + ".pdf", "application/pdf", tickets::render_tickets_pdf(prints)};
}
}  // namespace

bool deliver_next_email(Context& ctx, mail::Transport& transport, const DeliverySettings& settings) {
  auto c = ctx.db.acquire();
  auto now = ctx.clock.now();
  auto e = store::claim_email(*c, now, settings.lease_seconds);
  if (!e) return false;
  auto org = store::find_organisation(*c, e->organisation_id);

  SendResult result;
  try {
    Message m;
    m.from_name = org->sender_name.empty() ? org->name : org->sender_name;
    m.from_address = settings.mail_from.empty() ? org->sender_email : settings.mail_from;
    if (!settings.mail_from.empty()) m.reply_to = org->sender_email;
    m.to_address = e->to;
    m.subject = e->subject;
    m.text = e->text;
    m.html = e->html;
    m.message_id = e->message_id;
    m.date = std::chrono::system_clock::time_point(std::chrono::seconds(e->created_at));
    auto spec = nlohmann::json::parse(e->attachments, nullptr, false);
    if (spec.is_object() && spec.contains("tickets_pdf") && e->order_id) {
      auto pdf = tickets_pdf(*c, *org, *e->order_id, spec["tickets_pdf"].get<std::vector<int64_t>>());
      if (!pdf) {
        result = {false, true, "The tickets of this message are no longer valid."};
      } else {
        m.attachments.push_back(std::move(*pdf));
      }
    }
    if (result.error.empty()) result = transport.send(m);
  } catch (const std::exception& ex) {
    result = {false, true, ex.what()};
  }

  now = ctx.clock.now();
  store::Transaction tx(*c);
  std::string outcome;
  if (result.ok) {
    store::mark_email_sent(*c, e->id, now);
    outcome = "email_sent";
  } else if (result.permanent || e->attempts >= settings.max_attempts) {
    store::mark_email_failed(*c, e->id, result.error);
    outcome = "email_failed";
  } else {
    int64_t delay = settings.retry_base_seconds << std::min<int64_t>(e->attempts - 1, 10);
    store::mark_email_retry(*c, e->id, now + std::min<int64_t>(delay, 3600), result.error);
    spdlog::warn("e-mail {} to be retried: {}", e->id, result.error);
  }
  if (!outcome.empty() && e->order_id) {
    nlohmann::json data{{"email_id", e->id}, {"kind", e->kind}, {"to", e->to}, {"attempts", e->attempts}};
    if (!result.ok) data["error"] = result.error;
    store::add_history(*c, e->organisation_id, *e->order_id, outcome, now, {"system", std::nullopt, "Mail delivery"},
                       data.dump());
  }
  tx.commit();
  return true;
}

}  // namespace bo::services
