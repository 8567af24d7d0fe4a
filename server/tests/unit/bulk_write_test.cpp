#include <gtest/gtest.h>

#include <filesystem>

#include "store/import_writer.hpp"
#include "temp_dir.hpp"

namespace fs = std::filesystem;
using namespace bo::store;

namespace {

class BulkWrite : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = std::make_unique<Database>("sqlite:" + path().string());
    db_->acquire()->exec_script(
        "CREATE TABLE t (id INTEGER PRIMARY KEY, k INTEGER NOT NULL, gone BIGINT);"
        "CREATE UNIQUE INDEX t_k ON t (k);"
        "CREATE INDEX t_gone ON t (gone) WHERE gone IS NOT NULL;");
  }
  fs::path path() const { return dir_.path() / "test.db"; }
  static std::vector<std::string> indexes(Connection& c) {
    std::vector<std::string> names;
    for (const auto& r : c.select("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 't' ORDER BY name"))
      names.push_back(r.text(0));
    return names;
  }
  static void insert_rows(Connection& c, int n) {
    auto w = c.bulk("t", std::array<std::string_view, 2>{"id", "k"});
    for (int i = 1; i <= n; ++i) w->add(std::array<Param, 2>{Param(int64_t{i}), Param(int64_t{i * 7})});
    w->finish();
  }

  TempDir dir_{"bulk-write"};
  std::unique_ptr<Database> db_;  // closed before its directory goes
};

TEST_F(BulkWrite, IndexesAreBuiltAgainExceptPartialOnes) {
  auto c = db_->acquire();
  Transaction tx(*c);
  IndexRebuild rebuild(*c, "t", 20000);
  EXPECT_EQ(indexes(*c), std::vector<std::string>{"t_gone"});  // a partial index holds few rows: it stays
  insert_rows(*c, 20000);
  rebuild.rebuild();
  tx.commit();
  EXPECT_EQ(indexes(*c), (std::vector<std::string>{"t_gone", "t_k"}));
  EXPECT_EQ(c->select("SELECT id FROM t WHERE k = 700")[0].i64(0), 100);
}

TEST_F(BulkWrite, AUniqueIndexBuiltAgainStillRefusesDuplicates) {
  auto c = db_->acquire();
  Transaction tx(*c);
  IndexRebuild rebuild(*c, "t", 20000);
  insert_rows(*c, 20000);
  c->run("INSERT INTO t (k) VALUES (7)");
  EXPECT_THROW(rebuild.rebuild(), DbError);
}

TEST_F(BulkWrite, TheCommitIsSyncedAndCheckpointPutsItInTheDatabaseFile) {
  auto c = db_->acquire();
  auto setting = [&](const char* name) { return c->select(std::string("PRAGMA ") + name)[0].i64(0); };
  {
    BulkCommit bulk(*c);
    EXPECT_EQ(setting("synchronous"), 2);  // FULL: the log is synced when the transaction commits
    EXPECT_EQ(setting("wal_autocheckpoint"), 0);
    Transaction tx(*c);
    insert_rows(*c, 5000);
    tx.commit();
  }
  EXPECT_EQ(setting("synchronous"), 1);  // the connection's own settings return
  EXPECT_EQ(setting("wal_autocheckpoint"), 1000);
  ASSERT_GT(fs::file_size(path().string() + "-wal"), 0u);  // committed, still in the log

  checkpoint(*c);
  const auto copy = dir_.path() / "copy.db";
  fs::copy_file(path(), copy);  // the database file alone, without its log
  Database alone("sqlite:" + copy.string());
  EXPECT_EQ(alone.acquire()->select("SELECT COUNT(*) FROM t")[0].i64(0), 5000);
}

}  // namespace
