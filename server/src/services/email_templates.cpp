#include "services/email_templates.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>

#include "common/messages.hpp"
#include "common/placeholders.hpp"
#include "common/time.hpp"
#include "domain/money.hpp"
#include "domain/setup_rules.hpp"

namespace bo::services {
namespace {
using nlohmann::json;

constexpr size_t kMaxSubject = 200;
constexpr size_t kMaxText = 20000;

}  // namespace

const std::vector<std::string>& email_kinds() {
  static const std::vector<std::string> kinds{"tickets", "cancellation", "refund", "personalisation_link",
                                              "order_changed"};
  return kinds;
}

bool is_email_kind(std::string_view kind) {
  const auto& k = email_kinds();
  return std::find(k.begin(), k.end(), kind) != k.end();
}

const std::vector<std::string>& placeholders(std::string_view kind) {
  static const std::vector<std::string> common{"organisation_name", "order_number", "first_name", "last_name",
                                               "event_name", "event_date", "venue"};
  auto with = [](std::vector<std::string> extra) {
    auto all = common;
    all.insert(all.end(), extra.begin(), extra.end());
    return all;
  };
  static const std::map<std::string, std::vector<std::string>, std::less<>> by_kind{
      {"tickets", common},
      {"cancellation", with({"refund_line"})},
      {"refund", with({"refund_amount"})},
      {"personalisation_link", with({"link", "link_expires"})},
      {"order_changed", with({"change_summary", "amount_line"})},
      {"invitation", {"organisation_name", "inviter_name", "role", "link", "link_expires"}},
  };
  auto it = by_kind.find(kind);
  return it == by_kind.end() ? common : it->second;
}

EmailText default_template(std::string_view kind, std::string_view language) {
  auto key = "email." + std::string(kind);
  return {message(language, key + ".subject"), message(language, key + ".text")};
}

std::map<std::string, EmailText> custom_templates(const domain::Organisation& org, std::string_view language) {
  std::map<std::string, EmailText> out;
  auto stored = json::parse(org.email_templates.empty() ? "{}" : org.email_templates, nullptr, false);
  if (!stored.is_object() || !stored.contains(language) || !stored[std::string(language)].is_object()) return out;
  for (const auto& [kind, t] : stored[std::string(language)].items()) {
    if (!is_email_kind(kind) || !t.is_object()) continue;
    auto fallback = default_template(kind, language);
    EmailText e;
    e.subject = t.contains("subject") && t["subject"].is_string() ? t["subject"].get<std::string>() : fallback.subject;
    e.text = t.contains("text") && t["text"].is_string() ? t["text"].get<std::string>() : fallback.text;
    out[kind] = std::move(e);
  }
  return out;
}

EmailText template_for(const domain::Organisation& org, std::string_view kind, std::string_view language) {
  auto custom = custom_templates(org, language);
  auto it = custom.find(std::string(kind));
  return it == custom.end() ? default_template(kind, language) : it->second;
}

EmailText render_template(const EmailText& t, const std::map<std::string, std::string>& values) {
  return {fill_placeholders(t.subject, values), fill_placeholders(t.text, values)};
}

std::map<std::string, std::string> check_template(std::string_view kind, const EmailText& t) {
  std::map<std::string, std::string> errors;
  const auto& known = placeholders(kind);
  auto unknown = [&](const std::string& s) {
    std::string bad;
    each_placeholder(s, [&](size_t begin, size_t end) {
      auto name = s.substr(begin + 1, end - begin - 2);
      if (bad.empty() && std::find(known.begin(), known.end(), name) == known.end()) bad = "{" + name + "}";
    });
    return bad;
  };
  if (t.subject.find_first_not_of(" \t") == std::string::npos) errors["subject"] = "Required.";
  else if (t.subject.size() > kMaxSubject) errors["subject"] = "At most 200 characters.";
  else if (!domain::single_line(t.subject)) errors["subject"] = "Use a single line.";
  else if (auto bad = unknown(t.subject); !bad.empty()) errors["subject"] = "Unknown placeholder " + bad + ".";
  if (t.text.find_first_not_of(" \t\r\n") == std::string::npos) errors["text"] = "Required.";
  else if (t.text.size() > kMaxText) errors["text"] = "At most 20000 characters.";
  else if (auto bad = unknown(t.text); !bad.empty()) errors["text"] = "Unknown placeholder " + bad + ".";
  return errors;
}

std::map<std::string, std::string> sample_values(const domain::Organisation& org, std::string_view kind,
                                                 std::string_view language, const std::string& public_url,
                                                 int64_t now) {
  auto money = [&](int64_t v) { return domain::format_money(v, org.currency, language); };
  int64_t event_start = local_day_start(now + 60 * 86400, org.time_zone) + 20 * 3600;
  std::map<std::string, std::string> all{
      {"organisation_name", org.name},
      {"order_number", "T9X4K2QZ"},
      {"first_name", "Emma"},
      {"last_name", "de Vries"},
      {"event_name", "Northsea Festival"},
      {"event_date", local_human(event_start, org.time_zone, language)},
      {"venue", "Beach Stage, Scheveningen"},
      {"refund_line", message(language, "email.refund_line", {{"amount", money(8950)}})},
      {"refund_amount", money(8950)},
      {"link", public_url + "/p/sample-link"},
      {"link_expires", local_human(now + 14 * 86400, org.time_zone, language)},
      {"change_summary", "- " + message(language, "change.swap", {{"old", "Saturday (Northsea Festival)"},
                                                                   {"new", "Weekend (Northsea Festival)"}}) + "\n"},
      {"amount_line", message(language, "change.due", {{"total", money(19650)}, {"amount", money(10700)}})},
  };
  std::map<std::string, std::string> out;
  for (const auto& name : placeholders(kind)) out[name] = all[name];
  return out;
}

std::string templates_json(const std::string& stored, std::string_view language,
                           const std::map<std::string, EmailText>& custom) {
  auto all = json::parse(stored.empty() ? "{}" : stored, nullptr, false);
  if (!all.is_object()) all = json::object();
  json mine = json::object();
  for (const auto& [kind, t] : custom) mine[kind] = {{"subject", t.subject}, {"text", t.text}};
  if (mine.empty()) all.erase(std::string(language));
  else all[std::string(language)] = mine;
  return all.dump();
}

}  // namespace bo::services
