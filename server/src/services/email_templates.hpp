#pragma once
// E-mail texts per kind (tickets, cancellation, refund, personalisation_link): built-in defaults, the
// organisation's own versions, and `{placeholder}` filling.
#include <map>
#include <string>

#include "domain/order.hpp"

namespace bo::services {
struct EmailText {
  std::string subject, text;
};
EmailText default_template(const std::string& kind);
// The organisation's version when it has one, else the default.
EmailText template_for(const domain::Organisation& org, const std::string& kind);
// Replaces {name} by values[name]; unknown placeholders stay as they are.
EmailText render_template(const EmailText& t, const std::map<std::string, std::string>& values);
}  // namespace bo::services
