#pragma once
// Composes the customer e-mails of an order (subject, text and HTML) from the organisation's templates
// and queues them in the outbox inside the caller's transaction.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/order.hpp"
#include "store/db.hpp"

namespace bo::services {

// The language the customer of `a` reads: the contact's when Boxoffice speaks it, else the organisation's.
std::string order_language(const domain::Organisation& org, const domain::OrderAggregate& a);
// Queues an e-mail of `kind` about order `a` to `to`, in order_language; `extra` adds placeholder values; `ticket_ids` become
// the PDF attachment rendered at delivery. Returns the e-mail id.
int64_t queue_order_email(store::Connection& c, const domain::Organisation& org, const domain::OrderAggregate& a,
                          const std::string& kind, const std::string& to,
                          const std::map<std::string, std::string>& extra, const std::vector<int64_t>& ticket_ids,
                          int64_t now);
// The valid tickets of an order, i.e. what a ticket e-mail carries.
std::vector<int64_t> valid_ticket_ids(const domain::OrderAggregate& a);
// Plain text → simple, escaped HTML with paragraphs and clickable links.
std::string text_to_html(const std::string& text);

}  // namespace bo::services
