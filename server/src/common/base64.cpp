#include "common/base64.hpp"

#include <sodium.h>

namespace bo {
std::string base64(std::string_view data, Base64 variant) {
  const int v = variant == Base64::standard ? sodium_base64_VARIANT_ORIGINAL : sodium_base64_VARIANT_URLSAFE_NO_PADDING;
  std::string out(sodium_base64_ENCODED_LEN(data.size(), v), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(data.data()), data.size(), v);
  out.resize(out.size() - 1);  // the terminating NUL
  while (!out.empty() && out.back() == '\0') out.pop_back();
  return out;
}
}  // namespace bo
