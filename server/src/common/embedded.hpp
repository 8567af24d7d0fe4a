#pragma once
// Files compiled into the binary (generated at build time by cmake/embed.cmake).
#include <string_view>
#include <vector>

namespace bo::embedded {
struct File {
  std::string_view name;
  std::string_view content;
};
extern const std::vector<File> migrations;  // db/migrations/*.sql, sorted by name
extern const std::vector<File> openapi;     // docs/openapi.json
extern const std::vector<File> messages;    // server/messages/<language>.json
}  // namespace bo::embedded
