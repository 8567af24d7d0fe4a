#pragma once
// Personalisation (SPEC 4.2): attendee data per valid ticket whose type asks for it, edited by staff
// or by the customer through an expiring link (/p/{token}) scoped to one order.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/order.hpp"
#include "services/auth.hpp"
#include "services/context.hpp"

namespace bo::services {

using AttendeeInput = std::map<int64_t, std::map<std::string, std::string>>;  // ticket id → key → value

struct PersonalisationView {
  domain::Organisation organisation;
  domain::OrderAggregate order;  // tickets: only valid ones that require personalisation
};

PersonalisationView get_personalisation(Context& ctx, const Principal& p, std::string_view number);
PersonalisationView save_personalisation(Context& ctx, const Principal& p, std::string_view number,
                                         const AttendeeInput& input);

struct PersonalisationLink {
  std::string url, token;
  int64_t expires_at = 0;
  std::optional<int64_t> email_id;
};
PersonalisationLink create_personalisation_link(Context& ctx, const Principal& p, std::string_view number,
                                                bool send_email);

// The customer side: Error not_found when the token is unknown or expired.
PersonalisationView get_personalisation_by_token(Context& ctx, const std::string& token);
PersonalisationView save_personalisation_by_token(Context& ctx, const std::string& token, const AttendeeInput& input);

}  // namespace bo::services
