#pragma once
// The background thread of `serve` that validates and commits imports. It polls the `imports` table
// (so an import survives a closed browser, a restart, or is picked up by another process) and can be
// woken early when an import is queued.
#include <condition_variable>
#include <mutex>
#include <thread>

#include "services/context.hpp"

namespace bo::app {
class ImportWorker {
 public:
  explicit ImportWorker(services::Context& ctx) : ctx_(ctx) {}
  ~ImportWorker() { stop(); }
  void start();
  void wake();
  void stop();

 private:
  void run();
  services::Context& ctx_;
  std::thread thread_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stopping_ = false, woken_ = false;
};
}  // namespace bo::app
