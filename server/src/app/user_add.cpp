// `boxoffice user add`: the first admin of a fresh installation (password from stdin).
#include <unistd.h>

#include <filesystem>
#include <iostream>

#include "app/commands.hpp"
#include "common/error.hpp"
#include "common/time.hpp"
#include "domain/contact.hpp"
#include "domain/money.hpp"
#include "services/auth.hpp"
#include "store/migrations.hpp"

namespace bo::app {

void prepare_database(const std::string& db_url) {
  if (db_url.rfind("sqlite:", 0) == 0) {
    std::filesystem::path p(db_url.substr(7));
    if (p.has_parent_path()) std::filesystem::create_directories(p.parent_path());
  }
  store::Database db(db_url);
  auto c = db.acquire();
  store::migrate(*c);
}

int user_add(const std::string& db_url, const std::string& slug, const std::string& email, const std::string& name,
             const std::string& role, const NewOrganisation& create_org) {
  if (!domain::valid_email(email)) {
    std::cerr << "Not a valid e-mail address: " << email << "\n";
    return 2;
  }
  if (isatty(STDIN_FILENO)) std::cerr << "Password for " << email << ": " << std::flush;
  std::string password;
  std::getline(std::cin, password);
  if (auto problem = services::password_problem(password, email); !problem.empty()) {
    std::cerr << problem << "\n";
    return 2;
  }
  prepare_database(db_url);
  store::Database db(db_url);
  std::optional<domain::Organisation> create;
  if (!create_org.name.empty()) {
    create.emplace();
    create->name = create->sender_name = create_org.name;
    create->currency = create_org.currency;
    create->time_zone = create_org.time_zone;
    create->country = create_org.country;
    create->sender_email = create_org.sender_email.empty() ? email : create_org.sender_email;
  }
  std::optional<domain::Organisation> org;
  try {
    org = services::add_user_in(db, slug, email, name.empty() ? email : name, password, *domain::parse_role(role),
                                create, now_seconds());
  } catch (const Error& e) {
    std::cerr << e.what() << "\n";
    return 2;
  }
  if (!org) {
    std::cerr << "No organisation '" << slug << "'. Add --create-org NAME to create it.\n";
    return 2;
  }
  std::cout << "User " << email << " is " << role << " of " << org->name << ".\n";
  return 0;
}

}  // namespace bo::app
