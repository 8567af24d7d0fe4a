#include <gtest/gtest.h>

#include "common/error.hpp"
#include "services/invitations.hpp"
#include "store/migrations.hpp"
#include "store/organisations.hpp"
#include "temp_dir.hpp"

using namespace bo;

namespace {

constexpr int64_t kDay = 86400;

class SettableClock : public Clock {
 public:
  int64_t t = 1'800'000'000;
  int64_t now() const override { return t; }
};

class Invitations : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = std::make_unique<store::Database>("sqlite:" + (dir_.path() / "test.db").string());
    auto c = db_->acquire();
    store::migrate(*c);
    ctx_holder_ = std::make_unique<services::Context>(services::Context{*db_, clock_, services::Settings{}});
    c->run("INSERT INTO organisations (slug, name, currency, time_zone, sender_email, created_at) "
         "VALUES ('north', 'Northsea Events', 'EUR', 'Europe/Amsterdam', 'tickets@northsea.test', 0)");
    auto org = *store::find_organisation_by_slug(*c, "north");
    admin_.id = services::add_user(*c, "admin@northsea.test", "Ada Admin", "a long enough password", org.id,
                                   domain::Role::admin, clock_.t);
    admin_.name = "Ada Admin";
    admin_.email = "admin@northsea.test";
    admin_.organisation = org;
    admin_.role = domain::Role::admin;
  }

  // The token of the link in the newest e-mail.
  std::string token_of_last_email() {
    auto c = db_->acquire();
    auto text = c->select("SELECT body_text FROM emails ORDER BY id DESC LIMIT 1")[0].text(0);
    auto at = text.find("/invite/") + 8;
    return text.substr(at, text.find_first_of(" \n", at) - at);
  }

  std::string error_code_of(const std::function<void()>& f) {
    try {
      f();
    } catch (const Error& e) {
      return e.code;
    }
    return "";
  }

  TempDir dir_{"invitations"};
  std::unique_ptr<store::Database> db_;
  SettableClock clock_;
  std::unique_ptr<services::Context> ctx_holder_;
  services::Context& ctx() { return *ctx_holder_; }
  services::Principal admin_;
};

TEST_F(Invitations, TheLinkWorksForSevenDaysAndThenAnswersExpired) {
  auto start = clock_.t;
  auto inv = services::invite(ctx(), admin_, {"New.Person@Example.com", "", "support"});
  EXPECT_EQ(inv.email, "new.person@example.com");
  EXPECT_EQ(inv.expires_at, start + 7 * kDay);
  auto token = token_of_last_email();

  clock_.t = start + 7 * kDay - 1;
  auto view = services::invitation_by_token(ctx(), token);
  EXPECT_EQ(view.organisation.name, "Northsea Events");
  EXPECT_FALSE(view.existing_account);
  EXPECT_EQ(services::invitation_status(inv, clock_.t), "pending");

  clock_.t = start + 7 * kDay;
  EXPECT_EQ(error_code_of([&] { services::invitation_by_token(ctx(), token); }), "invitation_expired");
  services::Acceptance in;
  in.password = "my own good password";
  EXPECT_EQ(error_code_of([&] { services::accept_invitation(ctx(), token, in); }), "invitation_expired");
  auto listed = services::list_invitations(ctx(), admin_);
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(services::invitation_status(listed[0], clock_.t), "expired");
}

TEST_F(Invitations, ResendingAnExpiredInvitationGivesANewLinkForSevenMoreDays) {
  auto start = clock_.t;
  auto inv = services::invite(ctx(), admin_, {"late@example.com", "Late Larry", "viewer"});
  auto old_token = token_of_last_email();

  clock_.t = start + 10 * kDay;
  auto renewed = services::resend_invitation(ctx(), admin_, inv.id);
  EXPECT_EQ(renewed.expires_at, clock_.t + 7 * kDay);
  auto token = token_of_last_email();
  EXPECT_NE(token, old_token);
  EXPECT_EQ(error_code_of([&] { services::invitation_by_token(ctx(), old_token); }), "not_found");

  clock_.t = start + 17 * kDay - 1;
  services::Acceptance in;
  in.password = "my own good password";
  auto accepted = services::accept_invitation(ctx(), token, in);
  EXPECT_EQ(accepted.principal.email, "late@example.com");
  EXPECT_EQ(accepted.principal.name, "Late Larry");
  EXPECT_EQ(accepted.principal.role, domain::Role::viewer);
  EXPECT_TRUE(accepted.session_token.has_value());
  EXPECT_EQ(error_code_of([&] { services::accept_invitation(ctx(), token, in); }), "invitation_used");
}

}  // namespace
