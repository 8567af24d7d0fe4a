#include <algorithm>

#include "imports/order_plan.hpp"

namespace bo::imports {
namespace {
constexpr size_t kMaxValue = 200;

std::string clip(std::string_view v) {
  if (v.size() <= kMaxValue) return std::string(v);
  size_t cut = kMaxValue;
  while (cut > 0 && (static_cast<unsigned char>(v[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
  return std::string(v.substr(0, cut)) + "…";
}
}  // namespace

void Errors::add(int64_t line, std::string_view column, std::string_view value, std::string message) {
  ++total_;
  if (line > limit_) return;  // cannot be among the first kKept
  kept_.push_back({line, std::string(column), clip(value), std::move(message)});
  if (kept_.size() >= 2 * kKept) trim_to_kept();
}

void Errors::trim_to_kept() {
  std::stable_sort(kept_.begin(), kept_.end(), [](const RowError& a, const RowError& b) { return a.line < b.line; });
  if (kept_.size() >= kKept) {
    kept_.resize(kKept);
    limit_ = kept_.back().line;
  }
}

const std::vector<RowError>& Errors::kept() {
  trim_to_kept();
  return kept_;
}

}  // namespace bo::imports
