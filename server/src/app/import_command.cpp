// `boxoffice import FILE --org SLUG`: validates a CSV of orders, prints the preview and the errors, and
// (unless --dry-run) commits it. Exit code 0 on success, 1 when the file has errors or the import
// fails, 2 on usage errors.
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <sstream>

#include "app/commands.hpp"
#include "app/progress_line.hpp"
#include "common/error.hpp"
#include "common/time.hpp"
#include "domain/money.hpp"
#include "services/import_orders.hpp"
#include "store/members.hpp"
#include "store/import_writer.hpp"
#include "store/organisations.hpp"

namespace bo::app {
namespace {
constexpr size_t kErrorsShown = 50;

std::string money(int64_t minor, const std::string& currency) {
  return currency + " " + domain::format_decimal(minor, domain::currency_exponent(currency).value_or(2));
}

std::string label_of(std::string_view phase) {
  if (phase == "reading") return "validating";
  return std::string(phase);
}

void print_summary(const services::Validation& v, const std::string& currency) {
  const auto& s = v.summary;
  std::cout << s.rows << " rows: " << s.orders << " orders with " << s.tickets << " tickets to create";
  if (s.skipped_existing)
    std::cout << "; " << s.skipped_existing << " order_refs exist already and are skipped (" << s.skipped_tickets
              << " tickets)";
  std::cout << ".\n";
  for (const auto& t : s.by_type) {
    const auto& type = v.catalog.types[t.type];
    std::string event;
    for (const auto& e : v.catalog.events)
      if (e.id == type.event_id) event = e.name;
    std::cout << "  " << event << " / " << type.name << ": " << t.orders << " orders, " << t.tickets << " tickets, "
              << money(t.price + t.fees, currency) << "\n";
  }
  if (s.tickets)
    std::cout << "Total " << money(s.price + s.fees, currency) << " (of which fees " << money(s.fees, currency)
              << ").\n";
  for (const auto& w : s.warnings) std::cout << "Warning: " << w << "\n";
}

void print_errors(imports::Errors& errors) {
  const auto& kept = errors.kept();
  std::cout << errors.total() << (errors.total() == 1 ? " error" : " errors") << ":\n";
  for (size_t i = 0; i < kept.size() && i < kErrorsShown; ++i) {
    const auto& e = kept[i];
    std::cout << "  line " << e.line;
    if (!e.column.empty()) std::cout << ", " << e.column;
    if (!e.value.empty()) std::cout << " \"" << e.value << "\"";
    std::cout << ": " << e.message << "\n";
  }
  if (errors.total() > static_cast<int64_t>(kErrorsShown))
    std::cout << "  … and " << errors.total() - static_cast<int64_t>(kErrorsShown) << " more.\n";
}

domain::Actor command_line_actor() {
  const char* user = std::getenv("USER");
  return domain::Actor{"system", std::nullopt, std::string("Command line") + (user ? " (" + std::string(user) + ")" : "")};
}
}  // namespace

int import_orders(const ImportArgs& args) {
  std::error_code ec;
  std::string content;
  std::ifstream in;
  if (std::filesystem::is_regular_file(args.file, ec)) {
    in.open(args.file, std::ios::binary);
    content.resize(static_cast<size_t>(std::filesystem::file_size(args.file, ec)));
    in.read(content.data(), static_cast<std::streamsize>(content.size()));
  }
  if (!in.is_open() || !in || ec) {
    std::cerr << "Cannot read " << args.file << "\n";
    return 2;
  }
  std::string file_name = std::filesystem::path(args.file).filename().string();

  prepare_database(args.db_url);
  store::Database db(args.db_url);
  auto c = db.acquire();
  auto org = store::find_organisation_by_slug(*c, args.org);
  if (!org) {
    std::cerr << "No organisation with the slug \"" << args.org << "\".\n";
    return 2;
  }
  if (auto bad = imports::unreadable(content)) {
    std::cout << bad->message << "\n";
    return 1;
  }

  Clock clock;
  const auto actor = command_line_actor();
  std::optional<int64_t> import_id;
  if (!args.dry_run) {
    store::Transaction tx(*c);
    store::lock_organisation(*c, org->id);
    if (store::has_running_import(*c, org->id)) {
      std::cout << "Another import of " << org->name << " is being validated or committed. Try again when it has finished.\n";
      return 1;
    }
    store::NewImport n{org->id, actor, file_name, std::nullopt, static_cast<int64_t>(content.size()), args.send_emails,
                       domain::ImportStatus::validating, clock.now() + services::kImportLeaseSeconds};
    import_id = store::insert_import(*c, n, clock.now());
    tx.commit();
  }

  ProgressLine line(isatty(STDERR_FILENO));
  auto last_save = std::chrono::steady_clock::now();
  imports::ProgressFn progress = [&](const imports::Progress& p) {
    line.update(label_of(p.phase), p.done, p.total, p.phase == "checking" ? "" : "rows");
    if (!import_id || p.phase == "writing") return;  // no database work inside the commit transaction
    auto now = std::chrono::steady_clock::now();
    if (now - last_save < std::chrono::seconds(1)) return;
    last_save = now;
    store::save_progress(*c, *import_id, p.phase, p.done, p.total, clock.now() + services::kImportLeaseSeconds,
                         clock.now());
  };

  using seconds = std::chrono::duration<double>;
  auto started = std::chrono::steady_clock::now();
  try {
    auto v = services::validate_import(*c, *org, content, clock.now(), progress);
    line.end();
    auto validated = std::chrono::steady_clock::now();
    std::cout << "Import of " << file_name << " into " << org->name << " (validated in " << std::fixed
              << std::setprecision(1) << seconds(validated - started).count() << " s)\n";
    print_summary(v, org->currency);
    if (!v.ok()) {
      print_errors(v.plan->errors);
      if (import_id)
        store::save_validation(*c, *import_id, domain::ImportStatus::invalid, services::summary_json(v, v.summary),
                               services::errors_json(v.plan->errors.kept()), v.plan->errors.total(), std::nullopt,
                               clock.now());
      std::cout << "Nothing was imported.\n";
      return 1;
    }
    if (args.dry_run) {
      std::cout << "Dry run: the file is valid; nothing was written.\n";
      return 0;
    }
    store::mark_commit_requested(*c, *import_id, actor, args.send_emails, clock.now(),
                                 clock.now() + services::kImportLeaseSeconds);
    services::CommitOptions options{import_id, file_name, actor, args.send_emails, clock.now()};
    auto result = services::commit_import(*c, *org, v, options, progress);
    line.end();
    if (!result.committed) {
      print_errors(v.plan->errors);
      store::save_validation(*c, *import_id, domain::ImportStatus::invalid, services::summary_json(v, v.summary),
                             services::errors_json(v.plan->errors.kept()), v.plan->errors.total(),
                             "The file no longer passes the checks (see the errors); nothing was imported.",
                             clock.now());
      std::cout << "Nothing was imported.\n";
      return 1;
    }
    for (const auto& w : result.summary.warnings)
      if (std::find(v.summary.warnings.begin(), v.summary.warnings.end(), w) == v.summary.warnings.end())
        std::cout << "Warning: " << w << "\n";
    std::cout << "Imported " << result.summary.orders << " orders with " << result.summary.tickets
              << " tickets (import " << *import_id << ", committed in "
              << seconds(std::chrono::steady_clock::now() - validated).count() << " s).\n";
    store::checkpoint(*c);
    return 0;
  } catch (const std::exception& e) {
    line.end();
    std::cout << "The import failed: " << e.what() << "\nNothing was imported.\n";
    if (import_id) {
      try {
        auto again = db.acquire();
        store::set_import_status(*again, *import_id, domain::ImportStatus::failed, std::string(e.what()) + " Nothing was imported.",
                                 clock.now());
      } catch (...) {
      }
    }
    return 1;
  }
}

}  // namespace bo::app
