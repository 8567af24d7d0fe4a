#include "http/client_address.hpp"

#include "http/api.hpp"

namespace bo::http {
namespace {
constexpr int kMaxHops = 32;

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool trusted_address(const IpAddress& a, const TrustedProxies& trusted) {
  for (const auto& n : trusted)
    if (n.contains(a)) return true;
  return false;
}
}  // namespace

bool is_trusted_proxy(std::string_view address, const TrustedProxies& trusted) {
  auto ip = IpAddress::parse(address);
  return ip && trusted_address(*ip, trusted);
}

ClientAddress client_address(std::string_view peer, std::string_view forwarded_for, const TrustedProxies& trusted) {
  auto peer_ip = IpAddress::parse(peer);
  if (!peer_ip) return {std::string(peer), false};
  if (!trusted_address(*peer_ip, trusted)) return {peer_ip->text(), false};
  IpAddress client = *peer_ip;
  for (int hops = 0; hops < kMaxHops && !forwarded_for.empty(); ++hops) {
    auto comma = forwarded_for.rfind(',');
    auto entry = trim(comma == std::string_view::npos ? forwarded_for : forwarded_for.substr(comma + 1));
    forwarded_for = comma == std::string_view::npos ? std::string_view{} : forwarded_for.substr(0, comma);
    auto hop = IpAddress::parse(entry);
    if (!hop) break;
    client = *hop;
    if (!trusted_address(client, trusted)) break;
  }
  return {client.text(), true};
}

void resolve_client_address(Request& req, const TrustedProxies& trusted) {
  req.peer = req.remote;
  std::string forwarded_for = trusted.empty() ? std::string() : req.header("x-forwarded-for");
  auto c = client_address(req.peer, forwarded_for, trusted);
  req.remote = std::move(c.address);
  req.via_proxy = c.via_proxy;
}

}  // namespace bo::http
