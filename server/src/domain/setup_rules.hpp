#pragma once
// What an organiser may set up: events, ticket types and organisation settings. Each check returns
// the problems per field (empty when valid); the caller turns them into Error validation_failed.
#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "domain/order.hpp"

namespace bo::domain {

inline constexpr int64_t kMaxPrice = 10'000'000'000;  // minor units
inline constexpr int64_t kMaxCapacity = 1'000'000'000;
inline constexpr int kMaxRefundDeadlineDays = 3650;

using FieldErrors = std::map<std::string, std::string>;

// Name required, lengths, single-line text, and ends after starts.
FieldErrors check_event(const Event& e);
// Name, price and fee, capacity (never below what is issued), personalisation fields
// (reported as "personalisation_fields.<i>.<part>").
FieldErrors check_ticket_type(const TicketType& t);
// Name, currency, IANA time zone, country, sender, refund policy.
FieldErrors check_organisation(const Organisation& o);

// Text without line breaks or other control characters (safe in e-mail headers and one-line UIs).
bool single_line(std::string_view s);

}  // namespace bo::domain
