// Imports through the API: the stored file, its status, and the background step that works on it.
#include <spdlog/spdlog.h>

#include <chrono>
#include <map>
#include <mutex>

#include "common/utf8.hpp"
#include "common/error.hpp"
#include "services/import_orders.hpp"
#include "services/orders.hpp"
#include "store/members.hpp"
#include "store/import_writer.hpp"
#include "store/organisations.hpp"

namespace bo::services {
namespace {

constexpr size_t kMaxFileName = 200;

struct Board {
  std::mutex mu;
  std::map<int64_t, imports::Progress> live;
};
Board& board() {
  static Board b;
  return b;
}

Error in_progress() {
  return Error("import_in_progress",
               "Another import of this organisation is being validated or committed. Wait until it has finished.");
}

std::string clean_file_name(std::string name) {
  auto slash = name.find_last_of("/\\");
  if (slash != std::string::npos) name = name.substr(slash + 1);
  std::string out;
  for (char ch : name)
    if (static_cast<unsigned char>(ch) >= 0x20 && ch != 0x7F) out += ch;
  out = domain::trim(out);
  utf8_truncate(out, kMaxFileName);
  return out.empty() ? "import.csv" : out;
}

std::string not_ready_message(const domain::ImportRecord& i) {
  if (i.status == domain::ImportStatus::validating) return "The file is still being checked.";
  if (i.status == domain::ImportStatus::invalid) return "The file has errors. Correct them and upload it again.";
  if (i.status == domain::ImportStatus::committing) return "This import is being committed already.";
  if (i.status == domain::ImportStatus::committed) return "This import was committed already.";
  return "This import can no longer be committed. Upload the file again.";  // failed
}

// Reports progress to readers in this process and, outside the writing phase, to the database about
// once a second, renewing the lease.
class WorkerProgress {
 public:
  WorkerProgress(Context& ctx, store::Connection& c, int64_t id) : ctx_(ctx), c_(c), id_(id) {}
  void operator()(const imports::Progress& p) {
    publish_import_progress(id_, p);
    if (p.phase == "writing") return;  // inside the commit transaction: the database is busy
    auto now = std::chrono::steady_clock::now();
    if (now - last_ < std::chrono::seconds(1)) return;
    last_ = now;
    auto t = ctx_.clock.now();
    store::save_progress(c_, id_, p.phase, p.done, p.total, t + kImportLeaseSeconds, t);
  }

 private:
  Context& ctx_;
  store::Connection& c_;
  int64_t id_;
  std::chrono::steady_clock::time_point last_{};
};

void work_on(Context& ctx, store::Connection& c, const store::ClaimedImport& claimed) {
  const auto now = ctx.clock.now();
  if (claimed.status == domain::ImportStatus::committing && claimed.interrupted) {
    store::set_import_status(c, claimed.id, claimed.has_content ? domain::ImportStatus::ready : domain::ImportStatus::failed,
                             "The commit was interrupted before it finished (the server stopped); nothing was "
                             "imported. " + std::string(claimed.has_content ? "Commit it again." : "Run it again."),
                             now);
    return;
  }
  auto content = claimed.has_content ? store::import_content(c, claimed.id) : std::nullopt;
  if (!content) {
    store::set_import_status(c, claimed.id, domain::ImportStatus::failed,
                             "The import was interrupted before it finished; nothing was imported. Run it again.", now);
    return;
  }
  auto org = store::find_organisation(c, claimed.organisation_id);
  if (!org) throw std::runtime_error("organisation of import is gone");
  WorkerProgress report(ctx, c, claimed.id);
  imports::ProgressFn progress = std::ref(report);
  auto v = validate_import(c, *org, *content, now, progress);
  auto errors = [&] { return errors_json(v.plan->errors.kept()); };
  if (claimed.status == domain::ImportStatus::validating) {
    store::save_validation(c, claimed.id, v.ok() ? domain::ImportStatus::ready : domain::ImportStatus::invalid, summary_json(v, v.summary), errors(),
                           v.plan->errors.total(), std::nullopt, ctx.clock.now());
    return;
  }
  auto row = store::find_import(c, claimed.organisation_id, claimed.id);
  if (v.ok()) {
    CommitOptions options;
    options.import_id = claimed.id;
    options.file_name = row->file_name;
    options.actor = row->committed_by.value_or(row->created_by);
    options.send_emails = row->send_emails;
    options.now = ctx.clock.now();
    if (commit_import(c, *org, v, options, progress).committed) {
      if (options.send_emails) ctx.wake_mailer();
      store::checkpoint(c);
      return;
    }
  }
  store::save_validation(c, claimed.id, domain::ImportStatus::invalid, summary_json(v, v.summary), errors(), v.plan->errors.total(),
                         "The file no longer passes the checks (see the errors); nothing was imported.",
                         ctx.clock.now());
}

}  // namespace

void publish_import_progress(int64_t id, const imports::Progress& p) {
  std::lock_guard lock(board().mu);
  board().live[id] = p;
}

void clear_import_progress(int64_t id) {
  std::lock_guard lock(board().mu);
  board().live.erase(id);
}

std::optional<imports::Progress> live_import_progress(int64_t id) {
  std::lock_guard lock(board().mu);
  auto it = board().live.find(id);
  if (it == board().live.end()) return std::nullopt;
  return it->second;
}

domain::ImportRecord upload_import(Context& ctx, const Principal& p, std::string file_name, const std::string& content,
                               bool send_emails) {
  require(p, domain::Permission::import_orders);
  if (static_cast<int64_t>(content.size()) > ctx.settings.import_max_bytes)
    throw Error("payload_too_large",
                "The file is larger than " + std::to_string(ctx.settings.import_max_bytes) + " bytes.");
  if (auto bad = imports::unreadable(content)) throw Error("validation_failed", bad->message, {{"file", bad->message}});
  auto now = ctx.clock.now();
  auto c = ctx.db.acquire();
  store::Transaction tx(*c);
  store::lock_organisation(*c, p.organisation.id);
  if (store::has_running_import(*c, p.organisation.id)) throw in_progress();
  store::NewImport n;
  n.organisation_id = p.organisation.id;
  n.created_by = p.actor();
  n.file_name = clean_file_name(std::move(file_name));
  n.content = content;
  n.size = static_cast<int64_t>(content.size());
  n.send_emails = send_emails;
  auto id = store::insert_import(*c, n, now);
  auto row = store::find_import(*c, p.organisation.id, id);
  tx.commit();
  ctx.wake_imports();
  return *row;
}

ImportView get_import(Context& ctx, const Principal& p, int64_t id) {
  require(p, domain::Permission::import_orders);
  auto c = ctx.db.acquire();
  auto row = store::find_import(*c, p.organisation.id, id);
  if (!row) throw not_found("import");
  return ImportView{std::move(*row), live_import_progress(id)};
}

std::vector<ImportView> list_imports(Context& ctx, const Principal& p, int limit) {
  require(p, domain::Permission::import_orders);
  auto c = ctx.db.acquire();
  std::vector<ImportView> out;
  for (auto& row : store::recent_imports(*c, p.organisation.id, limit)) {
    auto live = live_import_progress(row.id);
    out.push_back(ImportView{std::move(row), live});
  }
  return out;
}

ImportView request_import_commit(Context& ctx, const Principal& p, int64_t id, std::optional<bool> send_emails) {
  require(p, domain::Permission::import_orders);
  auto now = ctx.clock.now();
  auto c = ctx.db.acquire();
  store::Transaction tx(*c);
  store::lock_organisation(*c, p.organisation.id);
  auto row = store::find_import(*c, p.organisation.id, id);
  if (!row) throw not_found("import");
  if (row->status != domain::ImportStatus::ready || !row->has_content) throw Error("import_not_ready", not_ready_message(*row));
  if (store::has_running_import(*c, p.organisation.id)) throw in_progress();
  store::mark_commit_requested(*c, id, p.actor(), send_emails.value_or(row->send_emails), now);
  tx.commit();
  ctx.wake_imports();
  return get_import(ctx, p, id);
}

bool run_next_import(Context& ctx) {
  std::optional<store::ClaimedImport> claimed;
  {
    auto c = ctx.db.acquire();
    auto now = ctx.clock.now();
    claimed = store::claim_import(*c, now, now + kImportLeaseSeconds);
  }
  if (!claimed) return false;
  try {
    auto c = ctx.db.acquire();
    work_on(ctx, *c, *claimed);
  } catch (const std::exception& e) {
    spdlog::error("import {} failed: {}", claimed->id, e.what());
    const auto* known = dynamic_cast<const Error*>(&e);
    std::string message = known ? std::string(e.what()) + " Nothing was imported."
                                : "Something went wrong on our side; nothing was imported. Try again.";
    try {
      auto c = ctx.db.acquire();
      store::set_import_status(*c, claimed->id, domain::ImportStatus::failed, message, ctx.clock.now());
    } catch (const std::exception& again) {
      spdlog::error("import {}: cannot record the failure: {}", claimed->id, again.what());
    }
  }
  clear_import_progress(claimed->id);
  return true;
}

}  // namespace bo::services
