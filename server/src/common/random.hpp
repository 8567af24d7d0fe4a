#pragma once
// Cryptographic randomness and hashing (libsodium). Thread-safe.
#include <cstdint>
#include <string>
#include <string_view>

namespace bo {
// `length` characters drawn uniformly from `alphabet`.
std::string random_code(std::string_view alphabet, size_t length);
// `bytes` random bytes as URL-safe base64 without padding.
std::string random_token(size_t bytes);
std::string sha256_hex(std::string_view data);
bool constant_time_equal(std::string_view a, std::string_view b);
}  // namespace bo
