#pragma once
// The routes by method and path, found from the request line alone: the request reader uses it to refuse a
// body larger than its route takes while only the headers have arrived (ADR 0006). RESTinio's router
// still dispatches the requests it reads.
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "http/api.hpp"

namespace bo::http {
class RouteTable {
 public:
  explicit RouteTable(const Routes& routes);
  // `target` is the request target (path and query); nullptr when no route matches.
  const Route* find(std::string_view method, std::string_view target) const;
  // The `:name` segments of `target` for `route`, which must have matched it.
  static std::map<std::string, std::string> params(const Route& route, std::string_view target);

 private:
  struct Entry {
    std::vector<std::string> segments;  // ":name" matches any one non-empty segment
    const Route* route;
  };
  std::vector<Entry> entries_;
};
}  // namespace bo::http
