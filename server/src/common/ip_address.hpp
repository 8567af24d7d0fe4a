#pragma once
// IPv4 and IPv6 addresses and networks. IPv4 is held as IPv4-mapped IPv6 (::ffff:a.b.c.d), so one
// comparison serves both; text comes out in the canonical form of its family.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace bo {

struct IpAddress {
  std::array<uint8_t, 16> bytes{};
  bool is_v4() const;
  bool is_loopback() const;  // 127.0.0.0/8 or ::1
  std::string text() const;  // "192.0.2.1", "2001:db8::1"
  // Accepts "192.0.2.1", "2001:db8::1", "[2001:db8::1]"; nullopt otherwise (no ports, no zone ids).
  static std::optional<IpAddress> parse(std::string_view text);
};

// "10.0.0.0/8", "2001:db8::/32", or one address ("192.0.2.7" is "192.0.2.7/32").
struct IpNetwork {
  IpAddress base;
  int prefix = 128;  // in the 128-bit space: an IPv4 /8 is 104
  bool contains(const IpAddress& a) const;
  static std::optional<IpNetwork> parse(std::string_view text);
};

// The unit an attacker pays for: an IPv4 address, or the /64 network of an IPv6 address (one customer's
// line usually holds a whole /64). Other text comes back as it is.
std::string address_group(std::string_view address);

}  // namespace bo
