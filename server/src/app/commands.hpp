#pragma once
// The CLI sub-commands other than serve.
#include <cstdint>
#include <memory>
#include <string>

#include "common/time.hpp"

namespace bo::app {
struct NewOrganisation {
  std::string name, currency, time_zone, country, sender_email;
};
int user_add(const std::string& db_url, const std::string& org_slug, const std::string& email, const std::string& name,
             const std::string& role, const NewOrganisation& create_org);
int generate(const std::string& db_url, int64_t orders);
struct ImportArgs {
  std::string file, org, db_url;
  bool dry_run = false, send_emails = false;
};
int import_orders(const ImportArgs& args);
struct ServeConfig;
// The agent interface over standard input and output, as the API token in BOXOFFICE_TOKEN. E-mail and
// refunds still pending are handed on by `serve`'s workers on the same database.
int mcp_stdio(const ServeConfig& cfg);
// The system clock, or the test clock of BOXOFFICE_TEST_CLOCK_FILE.
std::unique_ptr<Clock> clock_from_environment();
// Opens the database (creating the SQLite file's folder) and applies migrations.
void prepare_database(const std::string& db_url);
}  // namespace bo::app
