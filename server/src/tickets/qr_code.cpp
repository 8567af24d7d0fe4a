#include "tickets/qr_code.hpp"

#include <qrencode.h>

#include <cerrno>
#include <memory>
#include <stdexcept>
#include <string>

namespace bo::tickets {

namespace {

std::string encode_failure(int error) {
  switch (error) {
    case ERANGE: return "text too long for a QR code";
    case ENOMEM: return "out of memory";
    default: return "libqrencode error " + std::to_string(error);
  }
}

}  // namespace

QrCode::QrCode(std::string_view text) {
  if (text.empty()) throw std::invalid_argument("QR code: empty text");
  if (text.find('\0') != std::string_view::npos) throw std::invalid_argument("QR code: NUL in text");
  const std::string owned(text);
  errno = 0;
  std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
      QRcode_encodeString(owned.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1), &QRcode_free);
  if (!code) throw std::runtime_error("QR code: " + encode_failure(errno));
  size_ = code->width;
  modules_.resize(static_cast<std::size_t>(size_) * static_cast<std::size_t>(size_));
  for (std::size_t i = 0; i < modules_.size(); ++i) modules_[i] = (code->data[i] & 1) != 0;
}

}  // namespace bo::tickets
