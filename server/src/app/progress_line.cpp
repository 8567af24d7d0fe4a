#include "app/progress_line.hpp"

#include <algorithm>
#include <cstdio>

namespace bo::app {
namespace {
constexpr int kBarWidth = 20;
constexpr auto kRedrawEvery = std::chrono::milliseconds(100);
}  // namespace

void ProgressLine::update(const std::string& label, int64_t done, int64_t total, const std::string& unit) {
  const bool new_phase = label != label_;
  const int percent = total > 0 ? static_cast<int>(std::min<int64_t>(100, done * 100 / total)) : 0;
  if (new_phase) {
    end();
    label_ = label;
    last_tenth_ = -1;
  }
  const std::string counts = std::to_string(done) + "/" + std::to_string(total) + (unit.empty() ? "" : " " + unit);
  if (!terminal_) {
    int tenth = percent / 10;
    if (tenth == last_tenth_) return;
    last_tenth_ = tenth;
    std::fprintf(stderr, "%s %d%% %s\n", label.c_str(), percent, counts.c_str());
    std::fflush(stderr);
    return;
  }
  auto now = std::chrono::steady_clock::now();
  if (!new_phase && percent < 100 && now - last_draw_ < kRedrawEvery) return;
  last_draw_ = now;
  std::string bar;
  const int filled = percent * kBarWidth / 100;
  for (int i = 0; i < kBarWidth; ++i) bar += i < filled ? "█" : "░";
  std::fprintf(stderr, "\r%-10s %s %3d%% %s\033[K", label.c_str(), bar.c_str(), percent, counts.c_str());
  std::fflush(stderr);
  open_ = true;
}

void ProgressLine::end() {
  if (open_) std::fputc('\n', stderr);
  open_ = false;
}
}  // namespace bo::app
