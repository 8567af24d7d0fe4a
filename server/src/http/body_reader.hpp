#pragma once
// Typed, optional fields of a JSON request body. A field of the wrong type is recorded with a message;
// finish() then throws Error validation_failed listing every bad field. Absent or null → nullopt.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace bo::http {

class BodyReader {
 public:
  explicit BodyReader(const nlohmann::json& body) : body_(body) {}
  std::optional<std::string> text(const std::string& key);
  std::optional<int64_t> integer(const std::string& key);
  std::optional<bool> boolean(const std::string& key);
  std::optional<std::vector<std::string>> texts(const std::string& key);
  std::optional<std::vector<int64_t>> integers(const std::string& key);
  // An ISO 8601 time; without an offset it is read in `zone`.
  std::optional<int64_t> time(const std::string& key, const std::string& zone);
  // The raw value when present and not null.
  const nlohmann::json* value(const std::string& key) const;
  void fail(const std::string& key, const std::string& message) { errors_.emplace(key, message); }
  void finish() const;

 private:
  const nlohmann::json& body_;
  std::map<std::string, std::string> errors_;
};

}  // namespace bo::http
