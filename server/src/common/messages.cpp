#include "common/messages.hpp"

#include <nlohmann/json.hpp>

#include <stdexcept>

#include "common/embedded.hpp"
#include "common/placeholders.hpp"

namespace bo {
namespace {
using Catalog = std::map<std::string, std::map<std::string, std::string, std::less<>>, std::less<>>;

const Catalog& catalog() {
  static const Catalog all = [] {
    Catalog out;
    for (const auto& f : embedded::messages) {
      auto language = std::string(f.name.substr(0, f.name.find('.')));
      auto texts = nlohmann::json::parse(f.content);
      for (auto it = texts.begin(); it != texts.end(); ++it) out[language][it.key()] = it.value().get<std::string>();
    }
    return out;
  }();
  return all;
}

// The text of `key` in `language` (English for a language without file), or nullptr.
const std::string* find_message(std::string_view language, std::string_view key) {
  const auto& all = catalog();
  auto lang = all.find(language);
  if (lang == all.end()) lang = all.find(std::string_view("en"));
  auto it = lang->second.find(key);
  return it == lang->second.end() ? nullptr : &it->second;
}
}  // namespace

const std::string& message(std::string_view language, std::string_view key) {
  if (const auto* text = find_message(language, key)) return *text;
  throw std::out_of_range("no message " + std::string(key));
}

bool has_message(std::string_view language, std::string_view key) { return find_message(language, key) != nullptr; }

std::string message(std::string_view language, std::string_view key, const std::map<std::string, std::string>& values) {
  return fill_placeholders(message(language, key), values);
}

std::vector<std::string> message_list(std::string_view language, std::string_view key) {
  std::vector<std::string> out;
  const auto& text = message(language, key);
  for (size_t start = 0;;) {
    auto bar = text.find('|', start);
    out.push_back(text.substr(start, bar - start));
    if (bar == std::string::npos) return out;
    start = bar + 1;
  }
}

std::vector<std::string> message_languages() {
  std::vector<std::string> out;
  for (const auto& [language, _] : catalog()) out.push_back(language);
  return out;
}

std::vector<std::string> message_keys(std::string_view language) {
  std::vector<std::string> out;
  if (auto it = catalog().find(language); it != catalog().end())
    for (const auto& [key, _] : it->second) out.push_back(key);
  return out;
}

}  // namespace bo
