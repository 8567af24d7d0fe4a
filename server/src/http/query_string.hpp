#pragma once
// The query string of a request, read by RFC 3986 (`@`, `:`, `/` and `?` are plain characters in a query)
// with form encoding (`+` is a space). A query that cannot be read throws Error invalid_query naming
// the parameter; so does a parameter given twice.
#include <map>
#include <string>
#include <string_view>

namespace bo::http {
std::map<std::string, std::string> parse_query_string(std::string_view query);
}  // namespace bo::http
