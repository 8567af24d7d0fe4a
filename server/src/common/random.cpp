#include "common/random.hpp"

#include <sodium.h>

#include "common/base64.hpp"

#include <cstring>
#include <stdexcept>
#include <vector>

namespace bo {
namespace {
void ensure_sodium() {
  static const int ok = sodium_init();
  if (ok < 0) throw std::runtime_error("libsodium failed to initialise");
}

// Random bytes for codes come from the kernel 4 KiB at a time per thread (one system call per 256
// barcodes instead of one each); every byte is handed out once.
void code_bytes(unsigned char* out, size_t n) {
  thread_local unsigned char block[4096];
  thread_local size_t used = sizeof block;
  if (n > sizeof block) return randombytes_buf(out, n);
  if (sizeof block - used < n) {
    randombytes_buf(block, sizeof block);
    used = 0;
  }
  std::memcpy(out, block + used, n);
  sodium_memzero(block + used, n);
  used += n;
}
}  // namespace

std::string random_code(std::string_view alphabet, size_t length) {
  ensure_sodium();
  std::string out(length, ' ');
  const size_t n = alphabet.size();
  if (n > 0 && n <= 256 && (n & (n - 1)) == 0 && length <= 64) {
    // A power of two divides 256: masking a random byte stays uniform, and one call fills them all.
    unsigned char bytes[64];
    code_bytes(bytes, length);
    for (size_t i = 0; i < length; ++i) out[i] = alphabet[bytes[i] & (n - 1)];
    return out;
  }
  for (auto& c : out) c = alphabet[randombytes_uniform(static_cast<uint32_t>(alphabet.size()))];
  return out;
}

std::string random_token(size_t bytes) {
  ensure_sodium();
  std::string buf(bytes, '\0');
  randombytes_buf(buf.data(), buf.size());
  return base64(buf, Base64::url_no_padding);
}

std::string sha256_hex(std::string_view data) {
  ensure_sodium();
  unsigned char h[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(h, reinterpret_cast<const unsigned char*>(data.data()), data.size());
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, h, sizeof h);
  return hex;
}

bool constant_time_equal(std::string_view a, std::string_view b) {
  ensure_sodium();
  if (a.size() != b.size()) return false;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}
}  // namespace bo
