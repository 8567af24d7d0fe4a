#include "http/route_table.hpp"

namespace bo::http {
namespace {
std::vector<std::string_view> segments_of(std::string_view target) {
  auto path = target.substr(0, target.find_first_of("?#"));
  std::vector<std::string_view> out;
  if (path.empty() || path[0] != '/') return out;
  size_t pos = 1;
  while (pos <= path.size()) {
    size_t end = path.find('/', pos);
    if (end == std::string_view::npos) end = path.size();
    out.push_back(path.substr(pos, end - pos));
    pos = end + 1;
  }
  return out;
}
}  // namespace

RouteTable::RouteTable(const Routes& routes) {
  for (const auto& r : routes.list) {
    Entry e{{}, &r};
    for (auto s : segments_of(r.pattern)) e.segments.emplace_back(s);
    entries_.push_back(std::move(e));
  }
}

const Route* RouteTable::find(std::string_view method, std::string_view target) const {
  auto segments = segments_of(target);
  for (const auto& e : entries_) {
    if (e.route->method != method || e.segments.size() != segments.size() || segments.empty()) continue;
    bool same = true;
    for (size_t i = 0; same && i < segments.size(); ++i)
      same = e.segments[i].starts_with(':') ? !segments[i].empty() : e.segments[i] == segments[i];
    if (same) return e.route;
  }
  return nullptr;
}

std::map<std::string, std::string> RouteTable::params(const Route& route, std::string_view target) {
  std::map<std::string, std::string> out;
  auto pattern = segments_of(route.pattern), actual = segments_of(target);
  for (size_t i = 0; i < pattern.size() && i < actual.size(); ++i)
    if (pattern[i].starts_with(':')) out.emplace(pattern[i].substr(1), actual[i]);
  return out;
}
}  // namespace bo::http
