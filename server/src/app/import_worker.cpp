#include "app/import_worker.hpp"

#include <spdlog/spdlog.h>

#include <chrono>

#include "services/import_orders.hpp"

namespace bo::app {
namespace {
constexpr auto kPollInterval = std::chrono::seconds(1);
constexpr auto kRetryAfterError = std::chrono::seconds(5);
}  // namespace

void ImportWorker::start() {
  std::lock_guard lock(mu_);
  if (thread_.joinable()) return;
  stopping_ = false;
  thread_ = std::thread([this] { run(); });
}

void ImportWorker::wake() {
  std::lock_guard lock(mu_);
  woken_ = true;
  cv_.notify_all();
}

void ImportWorker::stop() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
    cv_.notify_all();
  }
  if (thread_.joinable()) thread_.join();
}

void ImportWorker::run() {
  for (;;) {
    bool worked = false;
    auto pause = kPollInterval;
    try {
      worked = services::run_next_import(ctx_);
    } catch (const std::exception& e) {
      spdlog::warn("import worker: {}", e.what());  // e.g. the database is busy: try again shortly
      pause = kRetryAfterError;
    }
    std::unique_lock lock(mu_);
    if (stopping_) return;
    if (worked) continue;
    cv_.wait_for(lock, pause, [this] { return stopping_ || woken_; });
    woken_ = false;
    if (stopping_) return;
  }
}
}  // namespace bo::app
