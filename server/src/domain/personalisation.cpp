#include "domain/personalisation.hpp"

#include <algorithm>
#include <set>

#include "common/time.hpp"
#include "domain/contact.hpp"

namespace bo::domain {

std::vector<std::string> missing_fields(const std::vector<FieldDef>& fields, const AttendeeValues& values) {
  std::vector<std::string> out;
  for (const auto& f : fields) {
    auto it = values.find(f.key);
    if (f.required && (it == values.end() || it->second.empty())) out.push_back(f.key);
  }
  return out;
}

AttendeeValues validate_attendee(const std::vector<FieldDef>& fields, const AttendeeValues& current,
                                 const std::map<std::string, std::string>& input, const std::string& region,
                                 const std::string& today, bool require_all,
                                 std::map<std::string, std::string>& errors) {
  AttendeeValues out = current;
  for (const auto& [key, raw] : input) {
    auto f = std::find_if(fields.begin(), fields.end(), [&key = key](const FieldDef& d) { return d.key == key; });
    if (f == fields.end()) {
      errors[key] = "Unknown field.";
      continue;
    }
    auto v = trim(raw);
    if (v.empty()) {
      out.erase(key);
      continue;
    }
    if (v.size() > 200) {
      errors[key] = "At most 200 characters.";
    } else if (f->kind == "email") {
      if (!valid_email(v)) errors[key] = "Enter a valid e-mail address.";
    } else if (f->kind == "date") {
      if (!valid_date(v) || v > "2200-01-01" || v < "1900-01-01") errors[key] = "Enter a date as YYYY-MM-DD.";
      else if (f->key.find("birth") != std::string::npos && v > today) errors[key] = "A date of birth cannot be in the future.";
    } else if (f->kind == "phone") {
      if (auto p = normalise_phone(v, region)) v = *p;
      else errors[key] = "Enter a valid phone number, e.g. +31 6 12345678.";
    } else if (f->kind == "select") {
      if (std::find(f->options.begin(), f->options.end(), v) == f->options.end())
        errors[key] = "Choose one of the options.";
    }
    out[key] = v;
  }
  if (require_all)
    for (const auto& key : missing_fields(fields, out))
      if (!errors.count(key)) errors[key] = "Required.";
  return out;
}

std::map<std::string, std::string> check_field_defs(const std::vector<FieldDef>& fields) {
  std::map<std::string, std::string> errors;
  std::set<std::string> keys;
  static const std::set<std::string> kinds{"text", "email", "date", "phone", "select"};
  for (size_t i = 0; i < fields.size(); ++i) {
    const auto& f = fields[i];
    std::string at = "fields." + std::to_string(i);
    if (f.key.empty() || f.key.size() > 40 ||
        !std::all_of(f.key.begin(), f.key.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; }))
      errors[at + ".key"] = "Use lower-case letters, digits and _.";
    else if (!keys.insert(f.key).second)
      errors[at + ".key"] = "Keys must be unique.";
    if (trim(f.label).empty()) errors[at + ".label"] = "Required.";
    else if (f.label.size() > 100) errors[at + ".label"] = "At most 100 characters.";
    if (!kinds.count(f.kind)) errors[at + ".kind"] = "One of text, email, date, phone, select.";
    if (f.kind == "select") {
      std::set<std::string> seen;
      bool blank = false, long_one = false, twice = false;
      for (const auto& o : f.options) {
        blank |= trim(o).empty();
        long_one |= o.size() > 100;
        twice |= !seen.insert(o).second;
      }
      if (f.options.empty()) errors[at + ".options"] = "A select needs options.";
      else if (f.options.size() > 100) errors[at + ".options"] = "At most 100 options.";
      else if (blank || long_one) errors[at + ".options"] = "Each option needs 1 to 100 characters.";
      else if (twice) errors[at + ".options"] = "Each option once.";
    }
  }
  if (fields.size() > 50) errors["fields"] = "At most 50 fields.";
  return errors;
}

std::string attendee_name(const AttendeeValues& v) {
  auto get = [&](const char* k) {
    auto it = v.find(k);
    return it == v.end() ? std::string() : it->second;
  };
  std::string first = get("first_name"), last = get("last_name");
  if (!first.empty() || !last.empty()) return trim(first + " " + last);
  return get("name").empty() ? get("full_name") : get("name");
}

}  // namespace bo::domain
