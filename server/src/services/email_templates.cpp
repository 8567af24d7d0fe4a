#include "services/email_templates.hpp"

#include <nlohmann/json.hpp>

namespace bo::services {

EmailText default_template(const std::string& kind) {
  if (kind == "tickets")
    return {"Your tickets for {event_name} (order {order_number})",
            "Hello {first_name},\n\nAttached are your tickets for {event_name} on {event_date} at {venue}.\n"
            "Show the QR code at the entrance, on paper or on your phone.\n\nOrder: {order_number}\n\n{organisation_name}"};
  if (kind == "cancellation")
    return {"Your order {order_number} has been cancelled",
            "Hello {first_name},\n\nYour order {order_number} for {event_name} has been cancelled; its tickets are "
            "no longer valid.\n{refund_line}\n\n{organisation_name}"};
  if (kind == "refund")
    return {"Refund for order {order_number}",
            "Hello {first_name},\n\nWe have refunded {refund_amount} for your order {order_number} ({event_name}). "
            "Depending on your bank it can take a few days before you see it.\n\n{organisation_name}"};
  if (kind == "personalisation_link")
    return {"Please complete the attendee details for {event_name}",
            "Hello {first_name},\n\nPlease fill in the attendee details of your tickets for {event_name} "
            "(order {order_number}):\n\n{link}\n\nThe link works until {link_expires}.\n\n{organisation_name}"};
  return {"{organisation_name}", ""};
}

EmailText template_for(const domain::Organisation& org, const std::string& kind) {
  auto t = default_template(kind);
  auto all = nlohmann::json::parse(org.email_templates.empty() ? "{}" : org.email_templates, nullptr, false);
  if (all.is_object() && all.contains(kind) && all[kind].is_object()) {
    const auto& custom = all[kind];
    if (custom.contains("subject") && custom["subject"].is_string()) t.subject = custom["subject"].get<std::string>();
    if (custom.contains("text") && custom["text"].is_string()) t.text = custom["text"].get<std::string>();
  }
  return t;
}

static std::string fill(const std::string& s, const std::map<std::string, std::string>& values) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '{') {
      auto end = s.find('}', i);
      if (end != std::string::npos) {
        auto it = values.find(s.substr(i + 1, end - i - 1));
        if (it != values.end()) {
          out += it->second;
          i = end;
          continue;
        }
      }
    }
    out += s[i];
  }
  return out;
}

EmailText render_template(const EmailText& t, const std::map<std::string, std::string>& values) {
  return {fill(t.subject, values), fill(t.text, values)};
}
}  // namespace bo::services
