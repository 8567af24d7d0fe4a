#include <gtest/gtest.h>

#include "common/ip_address.hpp"
#include "http/api.hpp"
#include "http/client_address.hpp"

using bo::address_group;
using bo::IpAddress;
using bo::IpNetwork;
using bo::http::client_address;
using bo::http::TrustedProxies;

namespace {
TrustedProxies trust(std::initializer_list<const char*> networks) {
  TrustedProxies t;
  for (auto n : networks) t.push_back(*IpNetwork::parse(n));
  return t;
}
}  // namespace

TEST(IpNetwork, ParsesIpv4AndIpv6WithAndWithoutPrefix) {
  auto lan = IpNetwork::parse("10.1.0.0/16");
  ASSERT_TRUE(lan);
  EXPECT_TRUE(lan->contains(*IpAddress::parse("10.1.200.3")));
  EXPECT_FALSE(lan->contains(*IpAddress::parse("10.2.0.1")));
  EXPECT_FALSE(lan->contains(*IpAddress::parse("::1")));
  auto one = IpNetwork::parse("192.0.2.7");
  ASSERT_TRUE(one);
  EXPECT_TRUE(one->contains(*IpAddress::parse("192.0.2.7")));
  EXPECT_FALSE(one->contains(*IpAddress::parse("192.0.2.8")));
  auto v6 = IpNetwork::parse("2001:db8::/32");
  ASSERT_TRUE(v6);
  EXPECT_TRUE(v6->contains(*IpAddress::parse("2001:db8:ffff::1")));
  EXPECT_FALSE(v6->contains(*IpAddress::parse("2001:db9::1")));
  EXPECT_TRUE(IpNetwork::parse("0.0.0.0/0")->contains(*IpAddress::parse("203.0.113.9")));
  EXPECT_TRUE(IpNetwork::parse("10.1.2.3/8")->contains(*IpAddress::parse("10.200.0.1")));
}

TEST(IpNetwork, RefusesGarbage) {
  for (auto bad : {"", "10.0.0.0/33", "::/129", "10.0.0.0/", "10.0.0.0/x", "10.0.0", "host.example", "1.2.3.4/8/8",
                   "fe80::1%eth0", "10.0.0.0/-1"})
    EXPECT_FALSE(IpNetwork::parse(bad)) << bad;
}

TEST(IpAddress, CanonicalTextAndLoopback) {
  EXPECT_EQ(IpAddress::parse("::ffff:127.0.0.1")->text(), "127.0.0.1");
  EXPECT_EQ(IpAddress::parse("2001:DB8:0:0::1")->text(), "2001:db8::1");
  EXPECT_EQ(IpAddress::parse("[::1]")->text(), "::1");
  EXPECT_TRUE(IpAddress::parse("127.8.9.1")->is_loopback());
  EXPECT_TRUE(IpAddress::parse("::1")->is_loopback());
  EXPECT_FALSE(IpAddress::parse("10.0.0.1")->is_loopback());
  EXPECT_FALSE(IpAddress::parse("::2")->is_loopback());
}

TEST(AddressGroup, Ipv6CountsByItsSlash64) {
  EXPECT_EQ(address_group("2001:db8:1:2:aaaa::1"), "2001:db8:1:2::/64");
  EXPECT_EQ(address_group("2001:db8:1:2:bbbb::9"), "2001:db8:1:2::/64");
  EXPECT_EQ(address_group("192.0.2.1"), "192.0.2.1");
}

TEST(ClientAddress, AnUntrustedPeerIsTheClientWhateverItForwards) {
  auto c = client_address("203.0.113.5", "198.51.100.1", trust({"10.0.0.0/8"}));
  EXPECT_EQ(c.address, "203.0.113.5");
  EXPECT_FALSE(c.via_proxy);
  EXPECT_EQ(client_address("203.0.113.5", "198.51.100.1", {}).address, "203.0.113.5");
}

TEST(ClientAddress, ATrustedPeerGivesTheRightmostUntrustedEntry) {
  auto t = trust({"10.0.0.0/8", "127.0.0.1/32"});
  auto c = client_address("10.0.0.2", "1.1.1.1, 198.51.100.7, 10.0.0.9", t);
  EXPECT_EQ(c.address, "198.51.100.7");  // 1.1.1.1 is what the client claims; 10.0.0.9 is our proxy
  EXPECT_TRUE(c.via_proxy);
  EXPECT_EQ(client_address("127.0.0.1", "198.51.100.7", t).address, "198.51.100.7");
}

TEST(ClientAddress, Ipv6PeersAndEntries) {
  auto t = trust({"fd00::/8", "::1/128"});
  EXPECT_EQ(client_address("fd00::5", "2001:db8::7", t).address, "2001:db8::7");
  EXPECT_EQ(client_address("::1", "[2001:db8::8]", t).address, "2001:db8::8");
  EXPECT_EQ(client_address("2001:db8::9", "203.0.113.1", t).address, "2001:db8::9");
  EXPECT_EQ(client_address("::ffff:10.0.0.1", "203.0.113.1", trust({"10.0.0.0/8"})).address, "203.0.113.1");
}

TEST(ClientAddress, GarbageStopsTheWalkAtTheLastTrustedHop) {
  auto t = trust({"10.0.0.0/8"});
  EXPECT_EQ(client_address("10.0.0.2", "not-an-ip", t).address, "10.0.0.2");
  EXPECT_EQ(client_address("10.0.0.2", "198.51.100.7, 10.0.0.3:8080", t).address, "10.0.0.2");
  EXPECT_EQ(client_address("10.0.0.2", "garbage, 10.0.0.3", t).address, "10.0.0.3");
  EXPECT_EQ(client_address("10.0.0.2", "", t).address, "10.0.0.2");
  EXPECT_EQ(client_address("10.0.0.2", ",,,", t).address, "10.0.0.2");
  EXPECT_EQ(client_address("10.0.0.2", "10.0.0.3, 10.0.0.4", t).address, "10.0.0.3");
  std::string long_chain;
  for (int i = 0; i < 1000; ++i) long_chain += "10.0.0.1, ";
  long_chain += "10.0.0.1";
  EXPECT_EQ(client_address("10.0.0.2", long_chain, t).address, "10.0.0.1");
}

TEST(ClientAddress, TheRequestPathKeepsThePeer) {
  bo::http::Request req;
  req.remote = "10.0.0.2";
  req.headers["x-forwarded-for"] = "198.51.100.7";
  bo::http::resolve_client_address(req, trust({"10.0.0.0/8"}));
  EXPECT_EQ(req.remote, "198.51.100.7");
  EXPECT_EQ(req.peer, "10.0.0.2");
  EXPECT_TRUE(req.via_proxy);

  bo::http::Request direct;
  direct.remote = "198.51.100.9";
  direct.headers["x-forwarded-for"] = "1.2.3.4";
  bo::http::resolve_client_address(direct, {});
  EXPECT_EQ(direct.remote, "198.51.100.9");
  EXPECT_FALSE(direct.via_proxy);
}
