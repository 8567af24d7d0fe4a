#pragma once
// QR code symbol (error correction level M, 8-bit mode) for a ticket barcode.
// Throws std::invalid_argument for an empty text, std::runtime_error if it cannot be encoded.
#include <string_view>
#include <vector>

namespace bo::tickets {

class QrCode {
 public:
  explicit QrCode(std::string_view text);

  int size() const { return size_; }  // modules per side, without quiet zone
  bool dark(int x, int y) const { return modules_[static_cast<std::size_t>(y * size_ + x)]; }

 private:
  int size_ = 0;
  std::vector<bool> modules_;  // row-major, row 0 at the top
};

}  // namespace bo::tickets
