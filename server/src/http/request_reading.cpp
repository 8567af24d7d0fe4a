#include "http/request_reading.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <climits>
#include <mutex>
#include <unordered_map>
#include <unordered_set>

#include "common/random.hpp"

namespace bo::http {
namespace {
using Clock = std::chrono::steady_clock;
using restinio::impl::http_parser_ctx_t;

const RequestReading* reading = nullptr;

const http_parser_settings& restinio_callbacks() {
  static const http_parser_settings s = restinio::impl::create_parser_settings<restinio::default_http_methods_t>();
  return s;
}

http_parser_ctx_t& ctx_of(http_parser* p) { return *static_cast<http_parser_ctx_t*>(p->data); }

struct Upload {
  int fd = -1;
  std::string path;
  size_t written = 0, max = 0;
  Clock::time_point seen;
};

// Per connection (its parser), what the callbacks of one request share: when its first byte came, and the
// file its body streams into. Entries of connections that died mid-request are swept once stale.
class Requests {
 public:
  void begin(http_parser* p) {
    std::lock_guard lock(mu_);
    started_[p] = Clock::now();
    discarding_.erase(p);
    if (auto it = uploads_.find(p); it != uploads_.end()) drop(it);
  }
  bool headers_late(http_parser* p) {
    std::lock_guard lock(mu_);
    auto it = started_.find(p);
    return it != started_.end() && Clock::now() - it->second > reading->header_time_limit;
  }
  void headers_done(http_parser* p) {
    std::lock_guard lock(mu_);
    started_.erase(p);
  }
  void add_upload(http_parser* p, Upload u) {
    std::lock_guard lock(mu_);
    auto now = Clock::now();
    for (auto it = uploads_.begin(); it != uploads_.end();)
      it = now - it->second.seen > reading->stale_upload_after ? drop(it) : std::next(it);
    for (auto it = started_.begin(); it != started_.end();)
      it = now - it->second > reading->stale_upload_after ? started_.erase(it) : std::next(it);
    uploads_[p] = std::move(u);
  }
  // -1: no upload on this parser; 0: written; 1: over its limit or failed (the upload is dropped).
  int write(http_parser* p, const char* at, size_t length) {
    std::lock_guard lock(mu_);
    auto it = uploads_.find(p);
    if (it == uploads_.end()) return -1;
    auto& u = it->second;
    u.seen = Clock::now();
    u.written += length;
    bool ok = u.written <= u.max;
    while (ok && length > 0) {
      auto n = ::write(u.fd, at, length);
      if (n <= 0) ok = false;
      else at += n, length -= static_cast<size_t>(n);
    }
    if (!ok) drop(it);
    return ok ? 0 : 1;
  }
  void discard(http_parser* p) {
    std::lock_guard lock(mu_);
    discarding_.insert(p);
  }
  bool discards(http_parser* p) {
    std::lock_guard lock(mu_);
    return discarding_.contains(p);
  }
  void finish(http_parser* p) {
    std::lock_guard lock(mu_);
    discarding_.erase(p);
    if (auto it = uploads_.find(p); it != uploads_.end()) {
      ::close(it->second.fd);
      uploads_.erase(it);
    }
  }

 private:
  using Uploads = std::unordered_map<http_parser*, Upload>;
  Uploads::iterator drop(Uploads::iterator it) {
    ::close(it->second.fd);
    ::unlink(it->second.path.c_str());
    return uploads_.erase(it);
  }
  std::mutex mu_;
  std::unordered_map<http_parser*, Clock::time_point> started_;
  std::unordered_set<http_parser*> discarding_;
  Uploads uploads_;
};

Requests& requests() {
  static Requests r;
  return r;
}

std::optional<Upload> open_upload(size_t max) {
  std::error_code ec;
  std::filesystem::create_directories(reading->upload_dir, ec);
  Upload u;
  u.path = (reading->upload_dir / ("upload-" + random_token(16))).string();
  u.fd = ::open(u.path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (u.fd < 0) return std::nullopt;
  u.max = max;
  u.seen = Clock::now();
  return u;
}

const Route* route_of(http_parser* p) {
  return reading->routes->find(http_method_str(static_cast<http_method>(p->method)), ctx_of(p).m_header.request_target());
}

// A refused body of a declared length up to this is read and thrown away, so that the client, still
// sending, gets the answer instead of a reset connection; a longer one is not read and the connection ends.
constexpr unsigned long long kDiscardBodyUpTo = 4 * 1024 * 1024;

int refuse_body(http_parser* p, const char* why) {
  auto& ctx = ctx_of(p);
  ctx.m_header.set_field(kBodyHeader, why);
  if (p->content_length != ULLONG_MAX && p->content_length <= kDiscardBodyUpTo) {
    requests().discard(p);
    return restinio_callbacks().on_headers_complete(p);
  }
  ctx.m_leading_headers_completed = true;
  p->flags |= F_CONNECTION_CLOSE;  // what follows on this connection is the unread body
  return 1;                        // http_parser: this message has no body
}

int on_message_begin(http_parser* p) {
  requests().begin(p);
  return 0;
}

int on_header_value(http_parser* p, const char* at, size_t length) {
  if (requests().headers_late(p)) return -1;
  return restinio_callbacks().on_header_value(p, at, length);
}

int on_headers_complete(http_parser* p) {
  requests().headers_done(p);
  auto& ctx = ctx_of(p);
  ctx.m_header.remove_all_of(kBodyHeader);
  ctx.m_header.remove_all_of(kBodyFileHeader);
  auto* route = route_of(p);
  size_t limit = route ? route->max_body : 0;
  bool has_length = p->content_length != ULLONG_MAX;
  bool sends_body = (has_length && p->content_length > 0) || (p->flags & F_CHUNKED);
  if (!sends_body) return restinio_callbacks().on_headers_complete(p);
  if (has_length && p->content_length > limit) return refuse_body(p, "too-large");
  if (!route || !route->streams_body) return restinio_callbacks().on_headers_complete(p);
  if (!reading->may_stream || !reading->may_stream(ctx.m_header, *route)) return refuse_body(p, "not-allowed");
  auto upload = open_upload(limit);
  if (!upload) return -1;
  ctx.m_header.set_field(kBodyFileHeader, upload->path);
  requests().add_upload(p, std::move(*upload));
  ctx.m_leading_headers_completed = true;
  return 0;
}

int on_body(http_parser* p, const char* at, size_t length) {
  if (requests().discards(p)) return 0;
  switch (requests().write(p, at, length)) {
    case 0: return 0;
    case 1: return -1;
    default: break;
  }
  auto& ctx = ctx_of(p);
  auto* route = route_of(p);
  if (!route || ctx.m_body.size() + length > route->max_body) return -1;  // a chunked body past its limit: the connection ends
  return restinio_callbacks().on_body(p, at, length);
}

int on_message_complete(http_parser* p) {
  requests().finish(p);
  return restinio_callbacks().on_message_complete(p);
}
}  // namespace

void use_request_reading(const RequestReading* r) { reading = r; }

http_parser_settings adjusted_parser_settings() noexcept {
  http_parser_settings s = restinio_callbacks();
  s.on_message_begin = on_message_begin;
  s.on_header_value = on_header_value;
  s.on_headers_complete = on_headers_complete;
  s.on_body = on_body;
  s.on_message_complete = on_message_complete;
  return s;
}
}  // namespace bo::http
