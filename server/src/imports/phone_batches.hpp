#pragma once
// Normalises phone numbers (libphonenumber, the slowest check of an import) on helper threads while
// the file is still being read: the reader adds numbers, finish() helps with the rest and returns
// every result. Results are E.164, or empty for an invalid number.
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace bo::imports {

struct PhoneCheck {
  uint32_t order, line;
  std::string_view raw;  // must stay valid until finish()
  bool first_row;        // the order's own number, else a later row's to compare with it
};

class PhoneBatches {
 public:
  explicit PhoneBatches(std::string region);
  ~PhoneBatches();
  void add(const PhoneCheck& c);
  // All checks in the order they were added, with their results; `progress(done, total)` on this thread.
  struct Done {
    std::vector<PhoneCheck> checks;
    std::vector<std::string> results;
  };
  template <class F>
  Done finish(F&& progress) {
    flush();
    {
      std::lock_guard lock(mu_);
      closed_ = true;
      cv_.notify_all();
    }
    for (;;) {
      Batch* b = take();
      if (!b) break;
      work(*b);
      progress(done_count(), total_);
    }
    for (auto& t : threads_) t.join();
    threads_.clear();
    return collect();
  }

 private:
  struct Batch {
    std::vector<PhoneCheck> checks;
    std::vector<std::string> results;
    bool done = false;
  };
  void flush();
  Batch* take();
  void work(Batch& b);
  void helper();
  int64_t done_count();
  Done collect();

  std::string region_;
  std::vector<PhoneCheck> pending_;
  std::deque<Batch> batches_;  // stable addresses
  size_t next_ = 0;            // first batch not yet taken
  int64_t total_ = 0, done_ = 0;
  bool closed_ = false;
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<std::thread> threads_;
};

}  // namespace bo::imports
