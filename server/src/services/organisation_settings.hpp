#pragma once
// The organisation's settings: name, currency (fixed once there are orders), time zone, country,
// sender, refund policy and the texts of customer e-mails. Everyone may read; admins change.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "services/auth.hpp"
#include "services/context.hpp"
#include "services/email_templates.hpp"

namespace bo::services {

struct OrganisationSettings {
  domain::Organisation organisation;
  bool currency_locked = false;  // the organisation has orders
};

struct EmailTextPatch {
  std::optional<std::string> subject, text;  // an absent part keeps the current one
};

// A partial update. email_templates: kind → new subject and/or text, or nullopt to return to the default.
struct OrganisationInput {
  std::optional<std::string> name, currency, time_zone, country, sender_name, sender_email;
  std::optional<std::vector<std::string>> refund_methods;
  std::optional<bool> partial_refunds, refund_fees;
  std::optional<int64_t> refund_deadline_days;
  std::optional<std::string> default_language;
  // language → kind → new subject and/or text, or nullopt to return to that language's default.
  std::map<std::string, std::map<std::string, std::optional<EmailTextPatch>>> email_templates;
};

OrganisationSettings get_settings(Context& ctx, const Principal& p);
OrganisationSettings update_settings(Context& ctx, const Principal& p, const OrganisationInput& in);
// Renders `t` (checked like a saved template) with sample values. Admin only.
EmailText preview_email(Context& ctx, const Principal& p, const std::string& kind, const std::string& language,
                        const EmailText& t);

}  // namespace bo::services
