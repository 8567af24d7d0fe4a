#include "domain/revenue.hpp"

#include <algorithm>

namespace bo::domain {

RevenueFigures& RevenueFigures::operator+=(const RevenueFigures& o) {
  gross += o.gross;
  refunds += o.refunds;
  fees += o.fees;
  tickets_sold += o.tickets_sold;
  tickets_cancelled += o.tickets_cancelled;
  tickets_refunded += o.tickets_refunded;
  tickets_checked_in += o.tickets_checked_in;
  return *this;
}

bool RevenueFigures::empty() const {
  return gross == 0 && refunds == 0 && fees == 0 && tickets_sold == 0 && tickets_cancelled == 0 &&
         tickets_refunded == 0 && tickets_checked_in == 0;
}

RefundSplit split_ticket_refund(int64_t amount, const std::vector<TicketAmount>& tickets) {
  RefundSplit s;
  s.per_ticket.assign(tickets.size(), 0);
  int64_t rest = std::max<int64_t>(amount, 0);
  for (size_t i = 0; i < tickets.size(); ++i) {
    auto part = std::min(rest, std::max<int64_t>(tickets[i].price, 0));
    s.per_ticket[i] = part;
    rest -= part;
  }
  int64_t fees = 0;
  for (const auto& t : tickets) fees += std::max<int64_t>(t.fee, 0);
  if (fees > 0 && rest >= fees) {
    for (size_t i = 0; i < tickets.size(); ++i) s.per_ticket[i] += std::max<int64_t>(tickets[i].fee, 0);
    rest -= fees;
  }
  s.unassigned = rest + std::min<int64_t>(amount, 0);
  return s;
}

}  // namespace bo::domain
