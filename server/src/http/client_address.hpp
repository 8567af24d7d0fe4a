#pragma once
// The client's address: the socket peer, unless the peer is one of our own proxies (--trusted-proxy);
// then the right-most X-Forwarded-For entry that is not itself a trusted proxy. Entries left of it are
// written by whoever sent the request and are never believed.
#include <string>
#include <string_view>
#include <vector>

#include "common/ip_address.hpp"

namespace bo::http {

struct Request;
using TrustedProxies = std::vector<IpNetwork>;

struct ClientAddress {
  std::string address;     // what routes, services, limits and logs use
  bool via_proxy = false;  // the peer is a trusted proxy
};

bool is_trusted_proxy(std::string_view address, const TrustedProxies& trusted);

// Garbage in X-Forwarded-For stops the walk: the address right of it (at worst the proxy) is the client.
ClientAddress client_address(std::string_view peer, std::string_view forwarded_for, const TrustedProxies& trusted);

// Called once per request: `req.remote` holds the socket peer on entry and the client's address after;
// the peer moves to `req.peer`.
void resolve_client_address(Request& req, const TrustedProxies& trusted);

}  // namespace bo::http
