#pragma once
// The order aggregate as plain data: organisation, event, ticket types, order with its contact,
// tickets, payments and refunds. Loaded and stored by store/, interpreted by the rules here.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/actions.hpp"
#include "domain/contact.hpp"
#include "domain/order_status.hpp"
#include "domain/personalisation.hpp"

namespace bo::domain {

struct Organisation {
  int64_t id = 0;
  std::string slug, name, currency, time_zone, country, sender_name, sender_email;
  RefundPolicy policy;
  std::string email_templates;  // JSON object: kind → {subject, text}
  std::string default_language = "en";  // see domain/languages.hpp
};

struct Event {
  int64_t id = 0;
  std::string name, venue;
  int64_t starts_at = 0, ends_at = 0;
  bool archived = false;
};

struct TicketType {
  int64_t id = 0, event_id = 0;
  std::string name;
  int64_t price = 0, fee = 0, capacity = 0, issued = 0;
  std::vector<FieldDef> fields;
  int position = 0;
  bool requires_personalisation() const { return !fields.empty(); }
};

struct Ticket {
  int64_t id = 0, ticket_type_id = 0;
  std::string ticket_type_name;
  std::vector<FieldDef> fields;  // of its ticket type
  int64_t price = 0, fee = 0;
  std::string barcode;
  TicketStatus status = TicketStatus::valid;
  AttendeeValues attendee;
  std::optional<int64_t> checked_in_at;
};

struct Payment {
  int64_t id = 0;
  std::string method, provider;
  std::optional<std::string> provider_ref;
  int64_t amount = 0;
  PaymentStatus status = PaymentStatus::paid;
  std::optional<int64_t> paid_at;
};

struct Refund {
  int64_t id = 0, payment_id = 0, amount = 0;
  std::vector<int64_t> ticket_ids;
  bool keep_tickets_valid = false;
  std::string reason, method, provider, provider_state;
  RefundStatus status = RefundStatus::pending;
  std::optional<std::string> provider_ref, error, idempotency_key;
  std::string created_by_name;
  int64_t created_at = 0;
  std::optional<int64_t> completed_at;
};

struct Order {
  int64_t id = 0, organisation_id = 0, event_id = 0;
  std::string number;
  OrderStatus status = OrderStatus::pending;
  int64_t version = 1;
  std::string source;
  std::optional<std::string> external_ref;
  std::string currency;
  int64_t ticket_count = 0, total_price = 0, total_fees = 0;
  // What changes left open, waived and gave back (013_order_changes.sql).
  int64_t amount_due = 0, amount_waived = 0, amount_credited = 0;
  std::string payment_method;
  Contact contact;
  int64_t created_at = 0;
  std::optional<int64_t> paid_at, cancelled_at;
};

struct OrderAggregate {
  Order order;
  Event event;
  std::vector<Ticket> tickets;
  std::vector<Payment> payments;
  std::vector<Refund> refunds;
};

struct Totals {
  int64_t tickets = 0, fees = 0, total = 0, paid = 0, refunded = 0, pending_refunds = 0, refundable = 0;
  int64_t due = 0, waived = 0;
};

OrderFacts facts_of(const OrderAggregate& a);
Totals totals_of(const OrderAggregate& a, const Actions& actions);
// The payment refunds go back to: the latest paid one.
const Payment* refund_payment(const OrderAggregate& a);

}  // namespace bo::domain

namespace bo::domain {
// Who did something: a user, an API token, the customer (personalisation link) or the system.
struct Actor {
  std::string kind;  // user, token, customer, system
  std::optional<int64_t> id;
  std::string name;
  std::string via;           // "agent" for a change made through the agent interface; empty otherwise
  std::string confirmation;  // how the person confirmed it there: elicitation, token; empty when not asked
  Actor(std::string kind = "", std::optional<int64_t> id = {}, std::string name = "", std::string via = "",
        std::string confirmation = "")
      : kind(std::move(kind)), id(id), name(std::move(name)), via(std::move(via)), confirmation(std::move(confirmation)) {}
};
}  // namespace bo::domain
