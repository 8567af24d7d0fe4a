#include "app/workers.hpp"

#include <spdlog/spdlog.h>

#include <condition_variable>
#include <filesystem>
#include <map>
#include <thread>

#include "app/providers.hpp"
#include "mail/eml_file_transport.hpp"
#include "mail/smtp_transport.hpp"
#include "services/deliver_email.hpp"
#include "services/import_orders.hpp"
#include "services/refunds.hpp"
#include "services/webhooks.hpp"

namespace bo::app {
namespace {
// A loop that runs `step` until it reports no work, then sleeps until woken or `idle` passes.
class Loop {
 public:
  Loop(std::string name, std::chrono::milliseconds idle, std::function<bool()> step)
      : name_(std::move(name)), idle_(idle), step_(std::move(step)) {}
  void start() {
    thread_ = std::thread([this] { run(); });
  }
  void wake() {
    {
      std::lock_guard lock(mu_);
      woken_ = true;
    }
    cv_.notify_all();
  }
  void stop() {
    {
      std::lock_guard lock(mu_);
      stopping_ = true;
    }
    cv_.notify_all();
    if (thread_.joinable()) thread_.join();
  }

 private:
  void run() {
    for (;;) {
      bool more = false;
      try {
        more = step_();
      } catch (const std::exception& e) {
        spdlog::error("{} worker: {}", name_, e.what());
      }
      std::unique_lock lock(mu_);
      if (stopping_) return;
      if (more) continue;
      cv_.wait_for(lock, idle_, [&] { return stopping_ || woken_; });
      woken_ = false;
      if (stopping_) return;
    }
  }
  std::string name_;
  std::chrono::milliseconds idle_;
  std::function<bool()> step_;
  std::thread thread_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool woken_ = false, stopping_ = false;
};
}  // namespace

struct Workers::Impl {
  services::Context& ctx;
  const ServeConfig& cfg;
  Providers providers;
  services::DeliverySettings delivery;
  std::vector<std::unique_ptr<mail::Transport>> transports;
  std::vector<std::unique_ptr<Loop>> mail_loops;
  std::unique_ptr<Loop> refund_loop;
  std::unique_ptr<Loop> import_loop;
  services::FetchBudget webhook_budget;
  std::unique_ptr<Loop> webhook_loop;
};

Workers::Workers(services::Context& ctx, const ServeConfig& cfg) : impl_(new Impl{ctx, cfg, Providers(cfg), {}, {}, {}, {}, {}, {}, {}}) {
  impl_->providers.install(ctx);

  impl_->delivery.mail_from = cfg.mail_from;
  impl_->delivery.retry_base_seconds = cfg.mail_retry_seconds;
  for (int i = 0; i < std::max(1, cfg.mail_workers); ++i) {
    std::unique_ptr<mail::Transport> transport;
    if (cfg.smtp_url.empty()) {
      transport = mail::make_eml_file_transport(std::filesystem::path(cfg.settings.data_dir) / "outbox");
    } else {
      transport = mail::make_smtp_transport(cfg.smtp_url, std::chrono::seconds(30));
    }
    auto* t = impl_->transports.emplace_back(std::move(transport)).get();
    impl_->mail_loops.push_back(std::make_unique<Loop>("mail", std::chrono::milliseconds(1000), [this, &ctx, t] {
      return services::deliver_next_email(ctx, *t, impl_->delivery);
    }));
  }
  if (cfg.smtp_url.empty()) spdlog::info("e-mail is written to {}/outbox", cfg.settings.data_dir);
  else spdlog::info("e-mail goes to {}", mail::redact_url(cfg.smtp_url));
  impl_->refund_loop = std::make_unique<Loop>("refunds", std::chrono::milliseconds(1000),
                                              [&ctx] { return services::process_due_refunds(ctx) > 0; });
  ctx.wake_mailer = [this] {
    for (auto& l : impl_->mail_loops) l->wake();
  };
  ctx.wake_refunds = [this] { impl_->refund_loop->wake(); };
  // Validates and commits imports; polling the table lets a restart or another process take over.
  impl_->import_loop = std::make_unique<Loop>("imports", std::chrono::milliseconds(1000),
                                              [&ctx] { return services::run_next_import(ctx); });
  ctx.wake_imports = [this] { impl_->import_loop->wake(); };
  // Fetches what webhooks announced, within the provider-call budget.
  impl_->webhook_loop = std::make_unique<Loop>("webhooks", std::chrono::milliseconds(1000), [this, &ctx] {
    return services::process_webhook_events(ctx, impl_->webhook_budget) > 0;
  });
  ctx.wake_webhooks = [this] { impl_->webhook_loop->wake(); };
}

Workers::~Workers() { stop(); }

void Workers::register_routes(http::Routes&) {}

void Workers::start() {
  for (auto& l : impl_->mail_loops) l->start();
  impl_->refund_loop->start();
  impl_->import_loop->start();
  impl_->webhook_loop->start();
}

void Workers::stop() {
  if (!impl_) return;
  for (auto& l : impl_->mail_loops) l->stop();
  if (impl_->refund_loop) impl_->refund_loop->stop();
  if (impl_->import_loop) impl_->import_loop->stop();
  if (impl_->webhook_loop) impl_->webhook_loop->stop();
}
}  // namespace bo::app
