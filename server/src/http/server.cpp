#include "http/server.hpp"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <restinio/all.hpp>
#include <restinio/router/pcre2_regex_engine.hpp>
#include <spdlog/spdlog.h>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <fstream>
#include <thread>

#include "http/connection_limits.hpp"
#include "http/dispatch.hpp"
#include "http/errors.hpp"
#include "http/metrics.hpp"
#include "http/rate_limiter.hpp"
#include "http/request_reading.hpp"

namespace bo::http {
namespace {
namespace fs = std::filesystem;

// RESTinio's own messages above trace level go to our log.
struct Logger {
  template <class B> void trace(B&&) {}
  template <class B> void info(B&& b) { spdlog::info("http: {}", b()); }
  template <class B> void warn(B&& b) { spdlog::warn("http: {}", b()); }
  template <class B> void error(B&& b) { spdlog::error("http: {}", b()); }
};

// Routes are matched with PCRE2: std::regex was a noticeable part of every request.
using Router = restinio::router::express_router_t<restinio::router::pcre2_regex_engine_t<>>;

struct Traits : restinio::default_traits_t {
  using logger_t = Logger;
  using request_handler_t = Router;
  using http_methods_mapper_t = BoxofficeHttpMethods;  // selects our parser callbacks (request_reading.hpp)
  using ip_blocker_t = ConnectionLimits;
  using connection_state_listener_t = ConnectionLimits;
  static constexpr bool use_connection_count_limiter = true;
};

std::string content_type_for(const fs::path& p) {
  auto ext = p.extension().string();
  if (ext == ".html") return "text/html; charset=utf-8";
  if (ext == ".js" || ext == ".mjs") return "text/javascript; charset=utf-8";
  if (ext == ".css") return "text/css; charset=utf-8";
  if (ext == ".svg") return "image/svg+xml";
  if (ext == ".png") return "image/png";
  if (ext == ".ico") return "image/x-icon";
  if (ext == ".json") return "application/json";
  if (ext == ".woff2") return "font/woff2";
  if (ext == ".txt") return "text/plain; charset=utf-8";
  return "application/octet-stream";
}

// RESTinio's own check, behind ours: the largest body any route takes.
size_t reading_limit_of(const Routes& routes) {
  size_t most = 0;
  for (const auto& r : routes.list) most = std::max(most, r.max_body);
  return most;
}

std::string reason_phrase(int status) {
  switch (status) {
    case 200: return "OK";
    case 201: return "Created";
    case 202: return "Accepted";
    case 204: return "No Content";
    case 304: return "Not Modified";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 409: return "Conflict";
    case 413: return "Payload Too Large";
    case 415: return "Unsupported Media Type";
    case 422: return "Unprocessable Entity";
    case 429: return "Too Many Requests";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    default: return status >= 500 ? "Internal Server Error" : "Status";
  }
}

// Names of the `:name` parameters in a route pattern.
std::vector<std::string> param_names(const std::string& pattern) {
  std::vector<std::string> names;
  for (size_t i = 0; (i = pattern.find(':', i)) != std::string::npos;) {
    size_t end = pattern.find_first_of("/(", ++i);
    names.push_back(pattern.substr(i, end == std::string::npos ? std::string::npos : end - i));
  }
  return names;
}

// Method, path, query and headers; the reader's own headers become fields.
Request request_head(const restinio::http_request_header_t& h, std::string method) {
  Request r;
  r.method = std::move(method);
  r.path = std::string(h.path());
  r.raw_query = std::string(h.query());
  for (const auto& f : h) {
    std::string name = f.name();
    for (auto& ch : name) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    if (name == kBodyHeader) r.body_refused = f.value();
    else if (name == kBodyFileHeader) r.body_file = f.value();
    else r.headers[name] = f.value();
  }
  return r;
}

Request to_request(const restinio::request_handle_t& rq, const restinio::router::route_params_t& params,
                   const std::vector<std::string>& names) {
  Request r = request_head(rq->header(), rq->header().method().c_str());
  r.remote = rq->remote_endpoint().address().to_string();
  for (const auto& n : names)
    if (auto v = params.get_param(n)) r.params[n] = std::string(*v);
  r.body = rq->body();
  return r;
}

class ChunkedEvents : public EventStream {
 public:
  explicit ChunkedEvents(restinio::response_builder_t<restinio::chunked_output_t> out) : out_(std::move(out)) {}
  void write(std::string text) override {
    out_.append_chunk(std::move(text));
    out_.flush();  // RESTinio hands the write to the connection's own thread
  }
  void done() { out_.done(); }

 private:
  restinio::response_builder_t<restinio::chunked_output_t> out_;
};

restinio::request_handling_status_t send_stream(const restinio::request_handle_t& rq, Response& res) {
  auto out = rq->create_response<restinio::chunked_output_t>(restinio::http_status_line_t{
      restinio::http_status_code_t{static_cast<std::uint16_t>(res.status)}, reason_phrase(res.status)});
  out.append_header(restinio::http_field::content_type, "text/event-stream");
  out.append_header(restinio::http_field::cache_control, "no-cache");
  out.append_header("X-Content-Type-Options", "nosniff");
  for (const auto& [k, v] : res.headers) out.append_header(k, v);
  out.flush();
  std::thread([events = std::make_shared<ChunkedEvents>(std::move(out)), fn = std::move(res.stream)] {
    try {
      fn(*events);
    } catch (const std::exception& e) {
      spdlog::error("event stream failed: {}", e.what());
    }
    events->done();
  }).detach();
  return restinio::request_accepted();
}

restinio::request_handling_status_t send(const restinio::request_handle_t& rq, Response res) {
  if (res.stream) return send_stream(rq, res);
  auto out = rq->create_response(restinio::http_status_line_t{
      restinio::http_status_code_t{static_cast<std::uint16_t>(res.status)}, reason_phrase(res.status)});
  if (!res.content_type.empty()) out.append_header(restinio::http_field::content_type, res.content_type);
  out.append_header("X-Content-Type-Options", "nosniff");
  for (const auto& [k, v] : res.headers) out.append_header(k, v);
  if (!res.file.empty()) {
    try {
      out.set_body(restinio::sendfile(res.file));
    } catch (const std::exception&) {
      out.set_body(std::string());
    }
  } else {
    out.set_body(res.body);
  }
  return out.done();
}

Response static_file(const fs::path& root, const std::string& path) {
  Response r;
  fs::path rel = fs::path(path).relative_path().lexically_normal();
  bool safe = !rel.empty() && rel.begin()->string() != "..";
  fs::path file = root / rel;
  std::error_code ec;
  if (!safe || !fs::is_regular_file(file, ec)) {
    file = root / "index.html";
    if (!fs::is_regular_file(file, ec)) {
      r.status = 404;
      r.content_type = "text/plain; charset=utf-8";
      r.body = "The web UI is not built. Run: npm --prefix web ci && npm --prefix web run build\n";
      return r;
    }
    r.headers.emplace_back("Cache-Control", "no-cache");
  } else if (rel.begin()->string() == "assets") {
    r.headers.emplace_back("Cache-Control", "public, max-age=31536000, immutable");
  } else {
    r.headers.emplace_back("Cache-Control", "no-cache");
  }
  r.content_type = content_type_for(file);
  r.file = file.string();
  r.headers.emplace_back("Content-Security-Policy",
                         "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                         "frame-ancestors 'none'");
  r.headers.emplace_back("Referrer-Policy", "same-origin");
  return r;
}
}  // namespace

void serve(services::Context& ctx, const Routes& routes, const ServerOptions& opts,
           const std::function<void()>& on_listening) {
  auto router = std::make_unique<Router>();
  auto* limiter = new RateLimiter(opts.rate_limit);  // lives as long as the server (see below)
  for (const auto& route : routes.list) {
    auto method = restinio::http_method_id_t{};
    if (route.method == "GET") method = restinio::http_method_get();
    else if (route.method == "POST") method = restinio::http_method_post();
    else if (route.method == "PUT") method = restinio::http_method_put();
    else if (route.method == "PATCH") method = restinio::http_method_patch();
    else if (route.method == "DELETE") method = restinio::http_method_delete();
    const Route* rp = &route;
    router->add_handler(method, route.pattern, [rp, &ctx, &opts, limiter, names = param_names(route.pattern),
                                                series = route.method + " " + route.pattern](auto rq, auto params) {
      auto start = std::chrono::steady_clock::now();
      Request req = to_request(rq, params, names);
      resolve_client_address(req, opts.trusted_proxies);
      Response res = dispatch(*rp, req, ctx, *limiter);
      if (!req.body_file.empty()) std::filesystem::remove(req.body_file);
      double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      metrics().observe(series, res.status, seconds);
      char timing[48];
      std::snprintf(timing, sizeof timing, "app;dur=%.3f", seconds * 1000);
      res.headers.emplace_back("Server-Timing", timing);
      return send(rq, std::move(res));
    });
  }
  fs::path web_root = opts.web_root;
  router->non_matched_request_handler([web_root](auto rq) {
    if (rq->header().has_field(kBodyHeader))
      return send(rq, error_response("payload_too_large", "This address takes no request body."));
    std::string path(rq->header().path());
    if (path.rfind("/api/", 0) == 0)
      return send(rq, error_response("not_found", "No such endpoint."));
    auto m = rq->header().method();
    if (m != restinio::http_method_get() && m != restinio::http_method_head())
      return send(rq, error_response("method_not_allowed", "Only GET is allowed here.", 405));
    return send(rq, static_file(web_root, path));
  });

  // Read by the parser callbacks of every connection, so it lives as long as the process, as the server does.
  auto* reading = new RequestReading;
  reading->routes = new RouteTable(routes);
  reading->upload_dir = opts.upload_dir;
  reading->header_time_limit = opts.header_time_limit;
  reading->stale_upload_after = opts.read_time_limit + std::chrono::seconds(10);
  reading->may_stream = [&ctx](const restinio::http_request_header_t& h, const Route& route) {
    return may_stream_body(route, request_head(h, route.method), ctx);
  };
  use_request_reading(reading);
  auto connection_limits = std::make_shared<ConnectionLimits>(
      opts.max_connections_per_client,
      [&opts](const std::string& address) { return is_trusted_proxy(address, opts.trusted_proxies); });

  // Both live until the process exits: connections that are still open at shutdown hold handlers that
  // refer to the server, and destroying either first would run those against freed memory.
  auto& ioctx = *new asio::io_context;
  using server_t = restinio::http_server_t<Traits>;
  restinio::server_settings_t<Traits> settings;
  settings.address(opts.address)
      .port(opts.port)
      .request_handler(std::move(router))
      .read_next_http_message_timelimit(opts.read_time_limit)
      .write_http_response_timelimit(std::chrono::seconds(120))
      .handle_request_timeout(std::chrono::seconds(120))
      .max_parallel_connections(opts.max_connections)
      .ip_blocker(connection_limits)
      .connection_state_listener(connection_limits)
      // With one response slot per connection, RESTinio starts reading the next request twice when a
      // handler answers synchronously (once after the handler, once after the write), and the second
      // start resets a half-read request. More slots take the second path out of play.
      .max_pipelined_requests(16)
      .incoming_http_msg_limits(restinio::incoming_http_msg_limits_t{}
                                    .max_url_size(16 * 1024)
                                    .max_field_name_size(1024)
                                    .max_field_value_size(16 * 1024)
                                    .max_field_count(100)
                                    .max_body_size(reading_limit_of(routes)));
  auto& server = *new server_t{restinio::external_io_context(ioctx), std::move(settings)};

  asio::signal_set signals(ioctx, SIGINT, SIGTERM);
  signals.async_wait([&](const asio::error_code& ec, int sig) {
    if (ec) return;
    spdlog::info("signal {}: shutting down", sig);
    server.close_async([&] { ioctx.stop(); }, [&](std::exception_ptr) { ioctx.stop(); });
  });
  std::exception_ptr failure;
  server.open_async([&] { on_listening(); },
                    [&](std::exception_ptr ex) {
                      failure = ex;
                      ioctx.stop();
                    });
  std::vector<std::thread> threads;
  for (size_t i = 1; i < opts.threads; ++i) threads.emplace_back([&] { ioctx.run(); });
  ioctx.run();
  for (auto& t : threads) t.join();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace bo::http
