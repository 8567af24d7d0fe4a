#pragma once
// Secret options of `serve` can be given as a flag, in an environment variable (BOXOFFICE_STRIPE_KEY), or in a
// file named by <variable>_FILE (container secrets; the file's content, trimmed, is the value). The flag
// wins over the variable, the variable over the file; naming both the variable and the file is an error.
#include <string>
#include <vector>

namespace CLI {
class App;
class Option;
}

namespace bo::app {

class SecretOptions {
 public:
  void add(CLI::App& command, const std::string& flag, std::string& target, const std::string& env,
           const std::string& help);
  // After parsing: fills what neither the command line nor the environment gave from its file. Throws
  // std::runtime_error naming the variable (never the value) when a file cannot be used.
  void read_files() const;

 private:
  struct Secret {
    CLI::Option* option;
    std::string* target;
    std::string env;
  };
  std::vector<Secret> secrets_;
};

// The trimmed content of a secret file; throws std::runtime_error when it is missing, empty or too large.
std::string read_secret_file(const std::string& path, const std::string& what);

}  // namespace bo::app
