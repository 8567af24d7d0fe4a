// libFuzzer target for the request path: each input is one request (a request line, header lines, an empty
// line, the body) dispatched to the API's real routes over a demo database, as the server does once RESTinio
// has read it. Without an Authorization header of its own the request carries an admin API token. A crash,
// a sanitizer report, an answer of 500 or a JSON answer that is not JSON is a finding.
#include <spdlog/spdlog.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "app/commands.hpp"
#include "common/json_input.hpp"
#include "http/api.hpp"
#include "http/dispatch.hpp"
#include "http/rate_limiter.hpp"
#include "http/route_table.hpp"
#include "services/api_tokens.hpp"
#include "services/demo_data.hpp"

namespace {
namespace fs = std::filesystem;
using namespace bo;

struct World {
  fs::path dir;
  std::unique_ptr<store::Database> db;
  Clock clock;
  std::unique_ptr<services::Context> ctx;
  http::Routes routes;
  std::unique_ptr<http::RouteTable> table;
  http::RateLimiter limiter{0};
  std::string token;
};
World* world = nullptr;

std::string_view next_line(std::string_view& in) {
  auto end = in.find('\n');
  auto line = in.substr(0, end);
  in.remove_prefix(end == std::string_view::npos ? in.size() : end + 1);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}
}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  spdlog::set_level(spdlog::level::off);
  world = new World;
  char tmpl[] = "/tmp/request-fuzz.XXXXXX";
  world->dir = mkdtemp(tmpl);
  auto url = "sqlite:" + (world->dir / "fuzz.db").string();
  app::prepare_database(url);
  world->db = std::make_unique<store::Database>(url);
  {
    auto c = world->db->acquire();
    services::seed_demo_data(*c, world->clock.now());
  }
  services::Settings settings;
  settings.data_dir = world->dir.string();
  world->ctx = std::make_unique<services::Context>(services::Context{*world->db, world->clock, settings});
  http::add_api_routes(world->routes, 1 << 20);
  world->table = std::make_unique<http::RouteTable>(world->routes);
  auto c = world->db->acquire();
  auto login = services::login(*c, "admin@demo.test", services::kDemoPassword, "fuzz", world->clock.now());
  world->token = services::create_token(*world->ctx, login.principal, "fuzz", "admin").secret;
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  auto request_line = next_line(in);
  auto space = request_line.find(' ');
  if (space == std::string_view::npos) return 0;
  std::string method(request_line.substr(0, space));
  std::string target(request_line.substr(space + 1));
  const http::Route* route = world->table->find(method, target);
  if (!route) return 0;

  http::Request req;
  req.method = method;
  req.path = target.substr(0, target.find('?'));
  if (auto q = target.find('?'); q != std::string::npos) req.raw_query = target.substr(q + 1);
  req.params = http::RouteTable::params(*route, target);
  req.remote = "127.0.0.1";
  for (auto line = next_line(in); !line.empty(); line = next_line(in)) {
    auto colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    std::string name(line.substr(0, colon));
    for (auto& ch : name) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    auto value = line.substr(colon + 1);
    while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
    req.headers[name] = std::string(value);
  }
  if (!req.headers.count("authorization")) req.headers["authorization"] = "Bearer " + world->token;
  req.body = std::string(in);
  if (req.body.size() > route->max_body) req.body_refused = "too-large";

  auto res = http::dispatch(*route, req, *world->ctx, world->limiter);
  if (res.status == 500) {
    std::fprintf(stderr, "500 for %s %s: %s\n", method.c_str(), target.c_str(), res.body.c_str());
    std::abort();
  }
  if (res.content_type == "application/json" && !res.body.empty() && !parse_json_input(res.body, 1000)) {
    std::fprintf(stderr, "not JSON for %s %s: %s\n", method.c_str(), target.c_str(), res.body.c_str());
    std::abort();
  }
  return 0;
}
