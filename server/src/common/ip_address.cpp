#include "common/ip_address.hpp"

#include <arpa/inet.h>

#include <charconv>
#include <cstring>

namespace bo {
namespace {
constexpr std::array<uint8_t, 12> kMappedPrefix{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
}

bool IpAddress::is_v4() const { return std::memcmp(bytes.data(), kMappedPrefix.data(), kMappedPrefix.size()) == 0; }

bool IpAddress::is_loopback() const {
  if (is_v4()) return bytes[12] == 127;
  for (size_t i = 0; i < 15; ++i)
    if (bytes[i] != 0) return false;
  return bytes[15] == 1;
}

std::string IpAddress::text() const {
  char out[INET6_ADDRSTRLEN] = {};
  if (is_v4()) inet_ntop(AF_INET, bytes.data() + 12, out, sizeof out);
  else inet_ntop(AF_INET6, bytes.data(), out, sizeof out);
  return out;
}

std::optional<IpAddress> IpAddress::parse(std::string_view text) {
  if (text.size() >= 2 && text.front() == '[' && text.back() == ']') text = text.substr(1, text.size() - 2);
  if (text.empty() || text.size() >= INET6_ADDRSTRLEN) return std::nullopt;
  char buf[INET6_ADDRSTRLEN] = {};
  std::memcpy(buf, text.data(), text.size());
  IpAddress a;
  if (inet_pton(AF_INET, buf, a.bytes.data() + 12) == 1) {
    std::memcpy(a.bytes.data(), kMappedPrefix.data(), kMappedPrefix.size());
    return a;
  }
  if (text.find(':') != std::string_view::npos && inet_pton(AF_INET6, buf, a.bytes.data()) == 1) return a;
  return std::nullopt;
}

bool IpNetwork::contains(const IpAddress& a) const {
  int full = prefix / 8, rest = prefix % 8;
  if (std::memcmp(a.bytes.data(), base.bytes.data(), full) != 0) return false;
  if (rest == 0) return true;
  uint8_t mask = static_cast<uint8_t>(0xff << (8 - rest));
  return (a.bytes[full] & mask) == (base.bytes[full] & mask);
}

std::optional<IpNetwork> IpNetwork::parse(std::string_view text) {
  auto slash = text.find('/');
  auto address = IpAddress::parse(text.substr(0, slash));
  if (!address) return std::nullopt;
  int max = address->is_v4() ? 32 : 128;
  int prefix = max;
  if (slash != std::string_view::npos) {
    auto digits = text.substr(slash + 1);
    auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), prefix);
    if (digits.empty() || ec != std::errc{} || end != digits.data() + digits.size() || prefix < 0 || prefix > max)
      return std::nullopt;
  }
  IpNetwork n{*address, prefix + (address->is_v4() ? 96 : 0)};
  int full = n.prefix / 8, rest = n.prefix % 8;
  if (full < 16 && rest) n.base.bytes[full] &= static_cast<uint8_t>(0xff << (8 - rest));
  for (int i = full + (rest ? 1 : 0); i < 16; ++i) n.base.bytes[i] = 0;
  return n;
}

std::string address_group(std::string_view address) {
  auto a = IpAddress::parse(address);
  if (!a) return std::string(address);
  if (a->is_v4()) return a->text();
  for (size_t i = 8; i < 16; ++i) a->bytes[i] = 0;
  return a->text() + "/64";
}

}  // namespace bo
