#pragma once
// Base64 (RFC 4648) through libsodium: the standard alphabet with padding for MIME, the URL-safe one
// without padding for tokens.
#include <string>
#include <string_view>

namespace bo {
enum class Base64 { standard, url_no_padding };
std::string base64(std::string_view data, Base64 variant = Base64::standard);
}  // namespace bo
