#include <gtest/gtest.h>

#include <atomic>
#include <stdexcept>
#include <thread>

#include "store/parallel_reads.hpp"
#include "temp_dir.hpp"

using namespace bo::store;

namespace {

class ParallelReads : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = std::make_unique<Database>("sqlite:" + (dir_.path() / "test.db").string());
    db_->acquire()->exec_script("CREATE TABLE t (id INTEGER PRIMARY KEY)");
  }
  int64_t count(Connection& c) { return c.select("SELECT COUNT(*) FROM t")[0].i64(0); }

  TempDir dir_{"parallel-reads"};
  std::unique_ptr<Database> db_;  // closed before its directory goes
};

TEST_F(ParallelReads, EveryPartSeesTheSameRowsWhileAnotherConnectionCommits) {
  std::atomic<bool> stop = false;
  std::thread writer([&] {
    auto c = db_->open();
    while (!stop) c->run("INSERT INTO t DEFAULT VALUES");
  });
  int differing = 0;
  for (int round = 0; round < 1000; ++round) {
    int64_t seen[2] = {-1, -1};
    read_in_parallel(*db_, 2, [&](int part, Connection& c) {
      seen[part] = count(c);
      std::this_thread::yield();
      if (count(c) != seen[part]) seen[part] = -2;  // and each part keeps its snapshot
    });
    if (seen[0] != seen[1] || seen[0] < 0) ++differing;
  }
  stop = true;
  writer.join();
  EXPECT_EQ(differing, 0);
  EXPECT_GT(count(*db_->acquire()), 0);
}

TEST_F(ParallelReads, PartsRunOnTheirOwnConnections) {
  Connection* used[2] = {nullptr, nullptr};
  read_in_parallel(*db_, 2, [&](int part, Connection& c) { used[part] = &c; });
  EXPECT_NE(used[0], used[1]);
}

TEST_F(ParallelReads, RunsThePartsInOneSnapshotWhenTheWriteLockIsTaken) {
  auto holder = db_->open();
  holder->begin(true);
  holder->run("INSERT INTO t DEFAULT VALUES");
  Connection* used[2] = {nullptr, nullptr};
  int64_t seen[2] = {-1, -1};
  read_in_parallel(*db_, 2, [&](int part, Connection& c) {
    used[part] = &c;
    seen[part] = count(c);
  });
  holder->rollback();
  EXPECT_EQ(used[0], used[1]);
  EXPECT_EQ(seen[0], 0);
  EXPECT_EQ(seen[1], 0);
}

TEST_F(ParallelReads, AFailingPartFailsTheReadAndReleasesTheWriteLock) {
  EXPECT_THROW(read_in_parallel(*db_, 2,
                                [&](int part, Connection&) {
                                  if (part == 1) throw std::runtime_error("part failed");
                                }),
               std::runtime_error);
  auto c = db_->open();
  ASSERT_TRUE(c->try_begin_write(0));
  c->run("INSERT INTO t DEFAULT VALUES");
  c->commit();
  EXPECT_EQ(count(*c), 1);
}

}  // namespace
