#include "http/body_reader.hpp"

#include "common/error.hpp"
#include "common/time.hpp"

namespace bo::http {
using nlohmann::json;

const json* BodyReader::value(const std::string& key) const {
  auto it = body_.find(key);
  if (it == body_.end() || it->is_null()) return nullptr;
  return &*it;
}

std::optional<std::string> BodyReader::text(const std::string& key) {
  auto v = value(key);
  if (!v) return std::nullopt;
  if (!v->is_string()) {
    fail(key, "Must be text.");
    return std::nullopt;
  }
  return v->get<std::string>();
}

std::optional<int64_t> BodyReader::integer(const std::string& key) {
  auto v = value(key);
  if (!v) return std::nullopt;
  if (!v->is_number_integer()) {
    fail(key, "Must be a whole number.");
    return std::nullopt;
  }
  return v->get<int64_t>();
}

std::optional<bool> BodyReader::boolean(const std::string& key) {
  auto v = value(key);
  if (!v) return std::nullopt;
  if (!v->is_boolean()) {
    fail(key, "Must be true or false.");
    return std::nullopt;
  }
  return v->get<bool>();
}

std::optional<std::vector<std::string>> BodyReader::texts(const std::string& key) {
  auto v = value(key);
  if (!v) return std::nullopt;
  std::vector<std::string> out;
  if (v->is_array() && v->size() <= 1000)
    for (const auto& item : *v)
      if (item.is_string()) out.push_back(item.get<std::string>());
  if (!v->is_array() || out.size() != v->size()) {
    fail(key, "Must be a list of texts.");
    return std::nullopt;
  }
  return out;
}

std::optional<std::vector<int64_t>> BodyReader::integers(const std::string& key) {
  auto v = value(key);
  if (!v) return std::nullopt;
  std::vector<int64_t> out;
  if (v->is_array() && v->size() <= 1000)
    for (const auto& item : *v)
      if (item.is_number_integer()) out.push_back(item.get<int64_t>());
  if (!v->is_array() || out.size() != v->size()) {
    fail(key, "Must be a list of whole numbers.");
    return std::nullopt;
  }
  return out;
}

std::optional<int64_t> BodyReader::time(const std::string& key, const std::string& zone) {
  auto s = text(key);
  if (!s) return std::nullopt;
  auto t = parse_iso_time(*s, zone);
  if (!t || s->size() == 10) {
    fail(key, "Use an ISO 8601 time such as 2027-07-04T18:00:00Z.");
    return std::nullopt;
  }
  return t;
}

void BodyReader::finish() const {
  if (!errors_.empty()) throw validation_failed(errors_);
}

}  // namespace bo::http
