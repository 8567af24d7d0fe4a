#pragma once
// The texts of the customer e-mails, per language: built-in defaults (server/messages/<language>.json),
// the organisation's own versions (organisations.email_templates, JSON language → kind → {subject, text}),
// and `{placeholder}` rendering. A language without its own version of a kind gets that language's
// default, never another language's text.
// Kinds: tickets, cancellation, refund, personalisation_link, order_changed. The composer (compose_email.hpp)
// renders with render_template(template_for(org, kind, language), values) and supplies every placeholder.
// The staff e-mail `invitation` has defaults only (organisations cannot change it): see invitations.hpp.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/order.hpp"

namespace bo::services {

struct EmailText {
  std::string subject, text;
  bool operator==(const EmailText&) const = default;
};

const std::vector<std::string>& email_kinds();
bool is_email_kind(std::string_view kind);
// The placeholders a kind may use, e.g. order_number, first_name, event_name, link.
const std::vector<std::string>& placeholders(std::string_view kind);

EmailText default_template(std::string_view kind, std::string_view language);
// The organisation's version of `kind` in `language`, or that language's default.
EmailText template_for(const domain::Organisation& org, std::string_view kind, std::string_view language);
// The organisation's own versions in `language` only (kinds without one are absent).
std::map<std::string, EmailText> custom_templates(const domain::Organisation& org, std::string_view language);

// Replaces each `{name}` that has a value; anything else stays as written.
EmailText render_template(const EmailText& t, const std::map<std::string, std::string>& values);

// Problems per field ("subject", "text"): lengths, a one-line subject, unknown placeholders.
std::map<std::string, std::string> check_template(std::string_view kind, const EmailText& t);

// Example values for every placeholder of `kind`, for previews.
std::map<std::string, std::string> sample_values(const domain::Organisation& org, std::string_view kind,
                                                 std::string_view language, const std::string& public_url,
                                                 int64_t now);

// The JSON to store in organisations.email_templates: `stored` with the versions of `language` replaced.
std::string templates_json(const std::string& stored, std::string_view language,
                           const std::map<std::string, EmailText>& custom);

}  // namespace bo::services
