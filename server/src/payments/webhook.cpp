// HMAC-SHA256 through libsodium, compared in constant time; form decoding for Mollie bodies.
#include "payments/webhook.hpp"

#include <sodium.h>

#include <array>
#include <charconv>
#include <cstdlib>

namespace bo::payments {
namespace {

using Digest = std::array<unsigned char, crypto_auth_hmacsha256_BYTES>;

Digest hmac_sha256(std::string_view secret, std::string_view timestamp, std::string_view payload) {
  if (sodium_init() < 0) std::abort();
  crypto_auth_hmacsha256_state state;
  crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char*>(secret.data()), secret.size());
  crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(timestamp.data()), timestamp.size());
  crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>("."), 1);
  crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(payload.data()), payload.size());
  Digest digest{};
  crypto_auth_hmacsha256_final(&state, digest.data());
  sodium_memzero(&state, sizeof state);
  return digest;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string percent_decode(std::string_view in) {
  std::string out;
  for (size_t i = 0; i < in.size(); ++i) {
    if (in[i] == '+') {
      out.push_back(' ');
    } else if (in[i] == '%' && i + 2 < in.size() && hex_value(in[i + 1]) >= 0 && hex_value(in[i + 2]) >= 0) {
      out.push_back(static_cast<char>(hex_value(in[i + 1]) * 16 + hex_value(in[i + 2])));
      i += 2;
    } else {
      out.push_back(in[i]);
    }
  }
  return out;
}

}  // namespace

std::string verify_stripe_signature(std::string_view payload, std::string_view header, std::string_view secret,
                                    std::chrono::seconds tolerance, std::chrono::system_clock::time_point now) {
  if (secret.empty()) return "no webhook secret configured";
  std::string_view timestamp;
  std::vector<std::string_view> signatures;
  while (!header.empty()) {
    const auto comma = header.find(',');
    const std::string_view item = trim(header.substr(0, comma));
    header = comma == std::string_view::npos ? std::string_view{} : header.substr(comma + 1);
    const auto eq = item.find('=');
    if (eq == std::string_view::npos) continue;
    const std::string_view key = item.substr(0, eq);
    if (key == "t") timestamp = item.substr(eq + 1);
    else if (key == "v1") signatures.push_back(item.substr(eq + 1));
  }
  int64_t seconds = 0;
  const auto [end, ec] = std::from_chars(timestamp.data(), timestamp.data() + timestamp.size(), seconds);
  if (timestamp.empty() || ec != std::errc{} || end != timestamp.data() + timestamp.size())
    return "signature header has no valid timestamp";
  if (signatures.empty()) return "signature header has no v1 signature";

  const auto age = std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count() - seconds;
  if (age > tolerance.count() || -age > tolerance.count()) return "signature timestamp outside the tolerance";

  const Digest expected = hmac_sha256(secret, timestamp, payload);
  bool matched = false;
  for (std::string_view candidate : signatures) {
    Digest given{};
    size_t length = 0;
    if (candidate.size() != given.size() * 2) continue;
    if (sodium_hex2bin(given.data(), given.size(), candidate.data(), candidate.size(), nullptr, &length, nullptr) != 0 ||
        length != given.size())
      continue;
    matched |= sodium_memcmp(given.data(), expected.data(), expected.size()) == 0;
  }
  return matched ? std::string{} : "no signature matches the payload";
}

std::string sign_stripe_payload(std::string_view payload, std::string_view secret, int64_t timestamp) {
  const std::string t = std::to_string(timestamp);
  const Digest digest = hmac_sha256(secret, t, payload);
  std::array<char, crypto_auth_hmacsha256_BYTES * 2 + 1> hex{};
  sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
  return "t=" + t + ",v1=" + hex.data();
}

std::vector<std::pair<std::string, std::string>> parse_form(std::string_view body) {
  std::vector<std::pair<std::string, std::string>> fields;
  while (!body.empty()) {
    const auto amp = body.find('&');
    const std::string_view item = body.substr(0, amp);
    body = amp == std::string_view::npos ? std::string_view{} : body.substr(amp + 1);
    if (item.empty()) continue;
    const auto eq = item.find('=');
    if (eq == std::string_view::npos) fields.emplace_back(percent_decode(item), "");
    else fields.emplace_back(percent_decode(item.substr(0, eq)), percent_decode(item.substr(eq + 1)));
  }
  return fields;
}

std::string mollie_webhook_payment_id(std::string_view form_body) {
  for (const auto& [name, value] : parse_form(form_body)) {
    if (name != "id") continue;
    if (value.size() <= 3 || value.size() > 64 || value.rfind("tr_", 0) != 0) return {};
    for (char c : value)
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) return {};
    return value;
  }
  return {};
}

}  // namespace bo::payments
