#include "app/secret_options.hpp"

#include <CLI/CLI.hpp>

#include <cstdlib>
#include <fstream>
#include <stdexcept>

namespace bo::app {
namespace {
constexpr size_t kMaxSecretBytes = 64 * 1024;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
}  // namespace

void SecretOptions::add(CLI::App& command, const std::string& flag, std::string& target, const std::string& env,
                        const std::string& help) {
  auto* option = command.add_option(flag, target, help + " (or " + env + ", or a file named by " + env + "_FILE)");
  option->envname(env);
  secrets_.push_back({option, &target, env});
}

void SecretOptions::read_files() const {
  for (const auto& s : secrets_) {
    const char* file = std::getenv((s.env + "_FILE").c_str());
    if (!file || !*file) continue;
    const char* direct = std::getenv(s.env.c_str());
    if (direct && *direct)
      throw std::runtime_error("Both " + s.env + " and " + s.env + "_FILE are set; set only one of them.");
    if (s.option->count() > 0) continue;
    *s.target = read_secret_file(file, s.env + "_FILE");
  }
}

std::string read_secret_file(const std::string& path, const std::string& what) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(what + ": cannot read the file " + path + ".");
  std::string content(kMaxSecretBytes + 1, '\0');
  in.read(content.data(), static_cast<std::streamsize>(content.size()));
  content.resize(static_cast<size_t>(in.gcount()));
  if (content.size() > kMaxSecretBytes)
    throw std::runtime_error(what + ": the file " + path + " is larger than 64 KiB.");
  size_t start = 0, end = content.size();
  while (start < end && is_space(content[start])) ++start;
  while (end > start && is_space(content[end - 1])) --end;
  if (start == end) throw std::runtime_error(what + ": the file " + path + " is empty.");
  return content.substr(start, end - start);
}

}  // namespace bo::app
