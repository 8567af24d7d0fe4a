#include "store/json_columns.hpp"

#include <nlohmann/json.hpp>

#include <unordered_map>

namespace bo::store {
using nlohmann::json;

std::vector<domain::FieldDef> parse_fields(const std::string& text) {
  // Every order shown parses its ticket types' fields; the same few texts come back again and again.
  thread_local std::unordered_map<std::string, std::vector<domain::FieldDef>> parsed;
  if (auto it = parsed.find(text); it != parsed.end()) return it->second;
  if (parsed.size() >= 1000) parsed.clear();
  std::vector<domain::FieldDef> out;
  for (const auto& f : json::parse(text)) {
    domain::FieldDef d;
    d.key = f.value("key", "");
    d.label = f.value("label", d.key);
    d.kind = f.value("kind", "text");
    d.required = f.value("required", false);
    if (f.contains("options")) d.options = f["options"].get<std::vector<std::string>>();
    out.push_back(std::move(d));
  }
  parsed.emplace(text, out);
  return out;
}

std::string fields_json(const std::vector<domain::FieldDef>& fields) {
  json a = json::array();
  for (const auto& f : fields) {
    json o{{"key", f.key}, {"label", f.label}, {"kind", f.kind}, {"required", f.required}};
    if (f.kind == "select") o["options"] = f.options;
    a.push_back(std::move(o));
  }
  return a.dump();
}

domain::AttendeeValues parse_attendee(const std::string& text) {
  domain::AttendeeValues out;
  if (text.empty() || text == "{}") return out;
  auto parsed = json::parse(text);
  for (const auto& [k, v] : parsed.items())
    if (v.is_string()) out[k] = v.get<std::string>();
  return out;
}

std::string attendee_json(const domain::AttendeeValues& values) { return json(values).dump(); }

std::vector<int64_t> parse_ids(const std::string& text) {
  if (text.empty() || text == "[]") return {};
  return json::parse(text).get<std::vector<int64_t>>();
}
std::string ids_json(const std::vector<int64_t>& ids) { return json(ids).dump(); }
}  // namespace bo::store
