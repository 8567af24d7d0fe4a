#include "imports/phone_batches.hpp"

#include "domain/contact.hpp"

namespace bo::imports {
namespace {
constexpr size_t kBatch = 1024;
}

PhoneBatches::PhoneBatches(std::string region) : region_(std::move(region)) {
  unsigned cores = std::thread::hardware_concurrency();
  unsigned helpers = cores > 1 ? std::min(cores - 1, 7u) : 0;
  for (unsigned i = 0; i < helpers; ++i) threads_.emplace_back([this] { helper(); });
}

PhoneBatches::~PhoneBatches() {
  {
    std::lock_guard lock(mu_);
    closed_ = true;
    cv_.notify_all();
  }
  for (auto& t : threads_) t.join();
}

void PhoneBatches::add(const PhoneCheck& c) {
  pending_.push_back(c);
  if (pending_.size() >= kBatch) flush();
}

void PhoneBatches::flush() {
  if (pending_.empty()) return;
  std::lock_guard lock(mu_);
  total_ += static_cast<int64_t>(pending_.size());
  batches_.push_back(Batch{std::move(pending_), {}, false});
  pending_.clear();
  cv_.notify_one();
}

PhoneBatches::Batch* PhoneBatches::take() {
  std::lock_guard lock(mu_);
  if (next_ == batches_.size()) return nullptr;
  return &batches_[next_++];
}

void PhoneBatches::work(Batch& b) {
  std::vector<std::string> results(b.checks.size());
  for (size_t i = 0; i < b.checks.size(); ++i)
    if (auto e164 = domain::normalise_phone(b.checks[i].raw, region_)) results[i] = std::move(*e164);
  std::lock_guard lock(mu_);
  b.results = std::move(results);
  b.done = true;
  done_ += static_cast<int64_t>(b.checks.size());
}

void PhoneBatches::helper() {
  for (;;) {
    Batch* b = nullptr;
    {
      std::unique_lock lock(mu_);
      cv_.wait(lock, [&] { return closed_ || next_ < batches_.size(); });
      if (next_ == batches_.size()) return;  // closed and nothing left
      b = &batches_[next_++];
    }
    work(*b);
  }
}

int64_t PhoneBatches::done_count() {
  std::lock_guard lock(mu_);
  return done_;
}

PhoneBatches::Done PhoneBatches::collect() {
  Done d;
  d.checks.reserve(static_cast<size_t>(total_));
  d.results.reserve(static_cast<size_t>(total_));
  for (auto& b : batches_) {
    for (auto& c : b.checks) d.checks.push_back(c);
    for (auto& r : b.results) d.results.push_back(std::move(r));
  }
  batches_.clear();
  next_ = 0;
  return d;
}

}  // namespace bo::imports
