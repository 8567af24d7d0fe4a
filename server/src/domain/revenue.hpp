#pragma once
// The figures of a revenue report and how a refund of chosen tickets is split over those tickets.
// Money in minor units; no I/O.
#include <cstdint>
#include <vector>

namespace bo::domain {

struct RevenueFigures {
  int64_t gross = 0, refunds = 0, fees = 0;
  int64_t tickets_sold = 0, tickets_cancelled = 0, tickets_refunded = 0, tickets_checked_in = 0;
  int64_t net() const { return gross - refunds; }
  RevenueFigures& operator+=(const RevenueFigures& o);
  bool empty() const;
};

struct TicketAmount {
  int64_t price = 0, fee = 0;
};

// A refund of `amount` that names tickets: each ticket gets its price (in the order given, while the
// amount lasts), then every ticket its fee when the rest covers all the fees; what remains (a free amount
// added to the tickets) is `unassigned`.
struct RefundSplit {
  std::vector<int64_t> per_ticket;
  int64_t unassigned = 0;
};
RefundSplit split_ticket_refund(int64_t amount, const std::vector<TicketAmount>& tickets);

}  // namespace bo::domain
