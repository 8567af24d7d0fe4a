#pragma once
// Progress of a long command on stderr: one line rewritten in place (with a bar) on a terminal,
// plain lines at every tenth otherwise.
#include <chrono>
#include <cstdint>
#include <string>

namespace bo::app {
class ProgressLine {
 public:
  explicit ProgressLine(bool terminal) : terminal_(terminal) {}
  ~ProgressLine() { end(); }
  // `label` e.g. "validating"; `unit` e.g. "rows".
  void update(const std::string& label, int64_t done, int64_t total, const std::string& unit);
  // Ends the rewritten line, if any.
  void end();

 private:
  bool terminal_;
  bool open_ = false;
  std::string label_;
  int last_tenth_ = -1;
  std::chrono::steady_clock::time_point last_draw_{};
};
}  // namespace bo::app
