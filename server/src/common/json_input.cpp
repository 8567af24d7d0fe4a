#include "common/json_input.hpp"

namespace bo {
namespace {
struct TooDeep {};
}  // namespace

std::optional<nlohmann::json> parse_json_input(std::string_view text, int max_depth) {
  using nlohmann::json;
  // nlohmann's parser keeps its own stack; the callback sees each container's depth as it opens.
  auto limit = [max_depth](int depth, json::parse_event_t event, json&) {
    if ((event == json::parse_event_t::object_start || event == json::parse_event_t::array_start) && depth >= max_depth)
      throw TooDeep{};
    return true;
  };
  try {
    json j = json::parse(text.begin(), text.end(), limit, false);
    if (j.is_discarded()) return std::nullopt;
    return j;
  } catch (const TooDeep&) {
    return std::nullopt;
  }
}
}  // namespace bo
