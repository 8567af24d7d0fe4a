#include "domain/setup_rules.hpp"

#include <set>

#include "common/time.hpp"
#include "domain/contact.hpp"
#include "domain/money.hpp"

namespace bo::domain {
namespace {
void check_name(FieldErrors& errors, const std::string& field, const std::string& value, size_t max,
                bool required) {
  if (required && trim(value).empty()) errors[field] = "Required.";
  else if (value.size() > max) errors[field] = "At most " + std::to_string(max) + " characters.";
  else if (!single_line(value)) errors[field] = "Use a single line without control characters.";
}

void check_amount(FieldErrors& errors, const std::string& field, int64_t value) {
  if (value < 0) errors[field] = "Cannot be negative.";
  else if (value > kMaxPrice) errors[field] = "Too large.";
}
}  // namespace

bool single_line(std::string_view s) {
  for (unsigned char c : s)
    if (c < 0x20 || c == 0x7f) return false;
  return true;
}

FieldErrors check_event(const Event& e) {
  FieldErrors errors;
  check_name(errors, "name", e.name, 200, true);
  check_name(errors, "venue", e.venue, 200, false);
  if (e.ends_at <= e.starts_at) errors["ends_at"] = "The event must end after it starts.";
  return errors;
}

FieldErrors check_ticket_type(const TicketType& t) {
  FieldErrors errors;
  check_name(errors, "name", t.name, 100, true);
  check_amount(errors, "price", t.price);
  check_amount(errors, "fee", t.fee);
  if (t.capacity < 0) errors["capacity"] = "Cannot be negative.";
  else if (t.capacity > kMaxCapacity) errors["capacity"] = "At most " + std::to_string(kMaxCapacity) + ".";
  else if (t.capacity < t.issued)
    errors["capacity"] = "Cannot be below the " + std::to_string(t.issued) + " tickets already issued.";
  for (auto& [field, message] : check_field_defs(t.fields)) {
    auto name = field.rfind("fields", 0) == 0 ? "personalisation_" + field : field;
    errors[name] = message;
  }
  return errors;
}

FieldErrors check_organisation(const Organisation& o) {
  FieldErrors errors;
  check_name(errors, "name", o.name, 200, true);
  check_name(errors, "sender_name", o.sender_name, 100, false);
  if (!currency_exponent(o.currency)) errors["currency"] = "Use an ISO 4217 code such as EUR.";
  if (!valid_time_zone(o.time_zone)) errors["time_zone"] = "Use an IANA time zone such as Europe/Amsterdam.";
  if (!valid_country(o.country)) errors["country"] = "Use an ISO 3166 country code such as NL.";
  if (!valid_email(o.sender_email) || !single_line(o.sender_email))
    errors["sender_email"] = "Enter a valid e-mail address.";
  std::set<std::string> seen;
  for (const auto& m : o.policy.refundable_methods) {
    if (!is_payment_method(m)) errors["refund_methods"] = "Unknown payment method: " + m + ".";
    else if (!seen.insert(m).second) errors["refund_methods"] = "Each method once.";
  }
  if (o.policy.deadline_days < 0 || o.policy.deadline_days > kMaxRefundDeadlineDays)
    errors["refund_deadline_days"] = "Between 0 and " + std::to_string(kMaxRefundDeadlineDays) + " days.";
  return errors;
}

}  // namespace bo::domain
