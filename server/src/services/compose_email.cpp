#include "services/compose_email.hpp"

#include <nlohmann/json.hpp>

#include "common/messages.hpp"
#include "common/time.hpp"
#include "domain/languages.hpp"
#include "domain/money.hpp"
#include "services/email_templates.hpp"
#include "store/emails.hpp"

namespace bo::services {

std::vector<int64_t> valid_ticket_ids(const domain::OrderAggregate& a) {
  std::vector<int64_t> ids;
  for (const auto& t : a.tickets)
    if (t.status == domain::TicketStatus::valid) ids.push_back(t.id);
  return ids;
}

static std::string escape_html(const std::string& s) {
  std::string out;
  for (char ch : s) {
    switch (ch) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += ch;
    }
  }
  return out;
}

std::string text_to_html(const std::string& text) {
  std::string body;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find("\n\n", start);
    std::string para = text.substr(start, end == std::string::npos ? std::string::npos : end - start);
    std::string html;
    size_t pos = 0;
    while (pos < para.size()) {
      size_t link = para.find("http", pos);
      if (link == std::string::npos ||
          !(para.compare(link, 7, "http://") == 0 || para.compare(link, 8, "https://") == 0)) {
        html += escape_html(para.substr(pos));
        break;
      }
      html += escape_html(para.substr(pos, link - pos));
      size_t stop = para.find_first_of(" \n\t", link);
      std::string url = para.substr(link, stop == std::string::npos ? std::string::npos : stop - link);
      html += "<a href=\"" + escape_html(url) + "\">" + escape_html(url) + "</a>";
      pos = stop == std::string::npos ? para.size() : stop;
    }
    std::string with_breaks;
    for (char ch : html) with_breaks += ch == '\n' ? std::string("<br>") : std::string(1, ch);
    if (!with_breaks.empty()) body += "<p style=\"margin:0 0 16px\">" + with_breaks + "</p>\n";
    if (end == std::string::npos) break;
    start = end + 2;
  }
  return "<!doctype html><html><body style=\"font-family:Helvetica,Arial,sans-serif;font-size:15px;"
         "line-height:1.5;color:#1a1b1e;max-width:560px;margin:24px auto;padding:0 16px\">\n" +
         body + "</body></html>";
}

std::string order_language(const domain::Organisation& org, const domain::OrderAggregate& a) {
  return domain::customer_language(a.order.contact.language, org.default_language);
}

int64_t queue_order_email(store::Connection& c, const domain::Organisation& org, const domain::OrderAggregate& a,
                          const std::string& kind, const std::string& to,
                          const std::map<std::string, std::string>& extra, const std::vector<int64_t>& ticket_ids,
                          int64_t now) {
  auto language = order_language(org, a);
  std::map<std::string, std::string> values{
      {"order_number", a.order.number},
      {"first_name", a.order.contact.first_name.value_or(message(language, "email.no_first_name"))},
      {"last_name", a.order.contact.last_name.value_or("")},
      {"event_name", a.event.name},
      {"event_date", local_human(a.event.starts_at, org.time_zone, language)},
      {"venue", a.event.venue},
      {"organisation_name", org.name},
      {"refund_line", ""},
  };
  for (const auto& [k, v] : extra) values[k] = v;
  auto t = render_template(template_for(org, kind, language), values);
  store::NewEmail e;
  e.organisation_id = org.id;
  e.order_id = a.order.id;
  e.kind = kind;
  e.to = to;
  e.subject = t.subject;
  e.text = t.text;
  e.html = text_to_html(t.text);
  if (!ticket_ids.empty()) e.attachments = nlohmann::json{{"tickets_pdf", ticket_ids}}.dump();
  return store::queue_email(c, e, now);
}

}  // namespace bo::services
