#pragma once
// JSON text from outside (request bodies, webhooks, provider answers): parsed with a nesting limit, so a
// document cannot make any later recursive walk (dump, comparison, destruction) exhaust the stack.
#include <optional>
#include <string_view>

#include <nlohmann/json.hpp>

namespace bo {
inline constexpr int kMaxJsonDepth = 32;

// nullopt when the text is not JSON or nests arrays/objects deeper than `max_depth`.
std::optional<nlohmann::json> parse_json_input(std::string_view text, int max_depth = kMaxJsonDepth);
}  // namespace bo
