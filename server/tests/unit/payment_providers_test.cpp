// Stripe and Mollie refund adapters against the fake provider server (started once as a subprocess),
// plus the pure pieces: amount strings, status mapping, Stripe signatures, Mollie webhook bodies.
#include "payments/http_client.hpp"
#include "payments/mollie_provider.hpp"
#include "payments/money.hpp"
#include "payments/provider.hpp"
#include "payments/stripe_provider.hpp"
#include "payments/webhook.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <set>
#include <string>
#include <thread>
#include <tuple>

namespace bo::payments {
namespace {

using nlohmann::json;
using namespace std::chrono_literals;

constexpr const char* stripe_key = "sk_test_fake";
constexpr const char* mollie_key = "test_fake";
constexpr const char* webhook_secret = "whsec_unit_test_secret";

// The fake provider server as a child process; ready() once it printed "ready <port>".
class FakeProviderProcess {
 public:
  FakeProviderProcess() {
    const char* env_python = std::getenv("PYTHON3");
    const std::string python = env_python ? env_python : "/usr/bin/python3";
    const std::string script = std::string(BOXOFFICE_SOURCE_DIR) + "/server/tests/fakes/fake_provider.py";
    int fds[2];
    if (pipe(fds) != 0) {
      error_ = "pipe failed";
      return;
    }
    pid_ = fork();
    if (pid_ == 0) {
      prctl(PR_SET_PDEATHSIG, SIGTERM);
      dup2(fds[1], STDOUT_FILENO);
      close(fds[0]);
      close(fds[1]);
      execl(python.c_str(), python.c_str(), script.c_str(), "--port", "0", "--slow-seconds", "30",
            "--page-limit", "2", "--stripe-webhook-secret", webhook_secret, static_cast<char*>(nullptr));
      _exit(127);
    }
    close(fds[1]);
    out_ = fds[0];
    wait_until_ready();
  }

  ~FakeProviderProcess() {
    if (pid_ > 0) {
      kill(pid_, SIGTERM);
      waitpid(pid_, nullptr, 0);
    }
    if (out_ >= 0) close(out_);
  }

  bool ready() const { return port_ > 0; }
  const std::string& error() const { return error_; }
  std::string base_url() const { return "http://127.0.0.1:" + std::to_string(port_); }

 private:
  void wait_until_ready() {
    const auto deadline = std::chrono::steady_clock::now() + 20s;
    std::string line;
    while (std::chrono::steady_clock::now() < deadline) {
      pollfd p{out_, POLLIN, 0};
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
      if (poll(&p, 1, static_cast<int>(std::max<long>(1, left.count()))) <= 0) continue;
      char c;
      if (read(out_, &c, 1) != 1) {
        error_ = "fake provider exited before it was ready";
        return;
      }
      if (c != '\n') {
        line.push_back(c);
      } else if (line.rfind("ready ", 0) == 0) {
        port_ = std::atoi(line.c_str() + 6);
        return;
      } else {
        line.clear();
      }
    }
    error_ = "fake provider did not print ready in time";
  }

  pid_t pid_ = -1;
  int out_ = -1;
  int port_ = 0;
  std::string error_;
};

class PaymentProviders : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { fake_ = new FakeProviderProcess(); }
  static void TearDownTestSuite() {
    delete fake_;
    fake_ = nullptr;
  }

  void SetUp() override {
    ASSERT_TRUE(fake_->ready()) << fake_->error();
    control("POST", "/_control/reset");
  }

  static json control(const std::string& method, const std::string& path, const json& body = nullptr) {
    const HttpResponse response =
        http_send({method, fake_->base_url() + path, {{"Content-Type", "application/json"}},
                   body.is_null() ? std::string{} : body.dump(), 10s});
    EXPECT_EQ(response.status, 200) << method << " " << path << ": " << response.error << response.body;
    return json::parse(response.body, nullptr, false);
  }

  static ProviderConfig config(const std::string& key, std::chrono::milliseconds timeout = 5s) {
    return {fake_->base_url(), key, webhook_secret, timeout, 300s};
  }
  static std::unique_ptr<PaymentProvider> stripe(std::chrono::milliseconds timeout = 5s) {
    return make_stripe_provider(config(stripe_key, timeout));
  }
  static std::unique_ptr<PaymentProvider> mollie(std::chrono::milliseconds timeout = 5s) {
    return make_mollie_provider(config(mollie_key, timeout));
  }

  static json requests(const std::string& prefix) {
    return control("GET", "/_control/requests?prefix=" + prefix)["requests"];
  }
  static int refund_count(const std::string& payment) {
    const json all = control("GET", "/_control/refunds");
    int n = 0;
    for (const auto& r : all["refunds"]) n += r["payment"] == payment;
    return n;
  }

  // Makes the fake send the refund's webhook to its own inbox and returns what arrived there.
  static WebhookRequest webhook_for(const std::string& refund_ref, json options = json::object()) {
    options["url"] = fake_->base_url() + "/_control/inbox";
    control("POST", "/_control/refunds/" + refund_ref + "/webhook", options);
    return last_inbox_entry();
  }
  static WebhookRequest last_inbox_entry() {
    const json inbox = control("GET", "/_control/inbox")["inbox"];
    WebhookRequest request;
    if (inbox.empty()) return request;
    request.body = inbox.back()["body"].get<std::string>();
    for (const auto& [name, value] : inbox.back()["headers"].items())
      request.headers.emplace_back(name, value.get<std::string>());
    return request;
  }

  static RefundRequest request(std::string payment, int64_t amount = 1000, std::string key = "key-1",
                               std::string currency = "EUR") {
    return {std::move(payment), amount, std::move(currency), std::move(key), "Order T9X4K2QZ"};
  }

  // Retries with the same key, as the caller of an unknown outcome must, until the outcome is known.
  static RefundResult retry_until_known(PaymentProvider& provider, const RefundRequest& req) {
    RefundResult result;
    for (int attempt = 0; attempt < 200; ++attempt) {
      result = provider.create_refund(req);
      if (result.state != RefundState::unknown) break;
      std::this_thread::sleep_for(10ms);
    }
    return result;
  }

  static FakeProviderProcess* fake_;
};

FakeProviderProcess* PaymentProviders::fake_ = nullptr;

// ---- Stripe against the fake ----------------------------------------------------------------------

TEST_F(PaymentProviders, StripeRefundSucceeds) {
  auto provider = stripe();
  const RefundResult created = provider->create_refund(request("pi_ok"));
  EXPECT_EQ(created.state, RefundState::succeeded) << created.error;
  EXPECT_EQ(created.refund_ref.rfind("re_", 0), 0u);
  EXPECT_TRUE(created.error.empty());

  const RefundResult fetched = provider->get_refund("pi_ok", created.refund_ref);
  EXPECT_EQ(fetched.state, RefundState::succeeded);
  EXPECT_EQ(fetched.refund_ref, created.refund_ref);

  const json sent = requests("/v1/refunds")[0];
  EXPECT_EQ(sent["method"], "POST");
  EXPECT_EQ(sent["body"], "payment_intent=pi_ok&amount=1000&metadata%5Bdescription%5D=Order%20T9X4K2QZ");
}

TEST_F(PaymentProviders, StripeFailureCarriesProviderMessage) {
  const RefundResult result = stripe()->create_refund(request("pi_fail"));
  EXPECT_EQ(result.state, RefundState::failed);
  EXPECT_EQ(result.error, "The refund was declined by the card issuer.");
  EXPECT_TRUE(result.refund_ref.empty());
}

TEST_F(PaymentProviders, StripeTimeoutIsUnknownAndSameKeyRetryRefundsOnce) {
  auto provider = stripe(300ms);
  const RefundResult first = provider->create_refund(request("pi_slow", 700, "slow-key"));
  EXPECT_EQ(first.state, RefundState::unknown);
  EXPECT_NE(first.error.find("timeout"), std::string::npos) << first.error;

  control("POST", "/_control/release");
  const RefundResult retried = retry_until_known(*provider, request("pi_slow", 700, "slow-key"));
  EXPECT_EQ(retried.state, RefundState::succeeded) << retried.error;
  EXPECT_EQ(refund_count("pi_slow"), 1);
}

TEST_F(PaymentProviders, StripeServiceUnavailableIsUnknown) {
  const RefundResult result = stripe()->create_refund(request("pi_down"));
  EXPECT_EQ(result.state, RefundState::unknown);
  EXPECT_NE(result.error.find("HTTP 503"), std::string::npos) << result.error;
}

TEST_F(PaymentProviders, StripeSameKeyReturnsTheFirstRefund) {
  auto provider = stripe();
  const RefundResult a = provider->create_refund(request("pi_twice", 500, "order-7-refund-1"));
  const RefundResult b = provider->create_refund(request("pi_twice", 500, "order-7-refund-1"));
  ASSERT_EQ(a.state, RefundState::succeeded);
  EXPECT_EQ(b.state, RefundState::succeeded);
  EXPECT_EQ(a.refund_ref, b.refund_ref);
  EXPECT_EQ(refund_count("pi_twice"), 1);

  const json sent = requests("/v1/refunds");
  ASSERT_EQ(sent.size(), 2u);
  for (const auto& r : sent) {
    EXPECT_EQ(r["headers"]["Idempotency-Key"], "order-7-refund-1");
    EXPECT_EQ(r["headers"]["Authorization"], "Bearer sk_test_fake");
    EXPECT_EQ(r["headers"]["Content-Type"], "application/x-www-form-urlencoded");
  }
}

TEST_F(PaymentProviders, StripeKeyReusedForAnotherAmountIsUnknownNotFailed) {
  auto provider = stripe();
  ASSERT_EQ(provider->create_refund(request("pi_reuse", 500, "k")).state, RefundState::succeeded);
  const RefundResult clash = provider->create_refund(request("pi_reuse", 600, "k"));
  EXPECT_EQ(clash.state, RefundState::unknown);
  EXPECT_NE(clash.error.find("same parameters"), std::string::npos) << clash.error;
  EXPECT_EQ(refund_count("pi_reuse"), 1);
}

TEST_F(PaymentProviders, StripeWrongKeyFailsWithoutRevealingIt) {
  const std::string key = "sk_test_wrong";
  const RefundResult result = make_stripe_provider(config(key))->create_refund(request("pi_ok"));
  EXPECT_EQ(result.state, RefundState::failed);
  EXPECT_NE(result.error.find("Invalid API Key"), std::string::npos) << result.error;
  EXPECT_EQ(result.error.find(key), std::string::npos);
}

TEST_F(PaymentProviders, StripePendingRefundCompletesThroughSignedWebhook) {
  auto provider = stripe();
  const RefundResult created = provider->create_refund(request("pi_pending"));
  ASSERT_EQ(created.state, RefundState::pending) << created.error;

  control("POST", "/_control/refunds/" + created.refund_ref + "/complete");
  const WebhookResult hook = provider->handle_webhook(webhook_for(created.refund_ref));
  ASSERT_EQ(hook.verdict, WebhookVerdict::accepted) << hook.error;
  ASSERT_EQ(hook.updates.size(), 1u);
  EXPECT_EQ(hook.updates[0].refund_ref, created.refund_ref);
  EXPECT_EQ(hook.updates[0].payment_ref, "pi_pending");
  EXPECT_EQ(hook.updates[0].state, RefundState::succeeded);
  EXPECT_EQ(hook.updates[0].event_id.rfind("evt_", 0), 0u);
  EXPECT_EQ(provider->get_refund("pi_pending", created.refund_ref).state, RefundState::succeeded);
}

TEST_F(PaymentProviders, StripeFailedAndCanceledRefundsReportTheReason) {
  auto provider = stripe();
  const RefundResult failing = provider->create_refund(request("pi_pending_a", 100, "a"));
  const RefundResult canceling = provider->create_refund(request("pi_pending_b", 100, "b"));
  control("POST", "/_control/refunds/" + failing.refund_ref + "/fail", {{"reason", "expired_or_canceled_card"}});
  control("POST", "/_control/refunds/" + canceling.refund_ref + "/cancel");

  const WebhookResult hook = provider->handle_webhook(webhook_for(failing.refund_ref));
  ASSERT_EQ(hook.updates.size(), 1u);
  EXPECT_EQ(hook.updates[0].state, RefundState::failed);
  EXPECT_EQ(hook.updates[0].error, "refund failed: expired_or_canceled_card");

  const RefundResult canceled = provider->get_refund("pi_pending_b", canceling.refund_ref);
  EXPECT_EQ(canceled.state, RefundState::failed);
  EXPECT_EQ(canceled.error, "refund canceled");
}

TEST_F(PaymentProviders, StripeWebhookSignatureIsEnforced) {
  auto provider = stripe();
  const RefundResult created = provider->create_refund(request("pi_ok"));
  const WebhookRequest genuine = webhook_for(created.refund_ref);
  EXPECT_EQ(provider->handle_webhook(genuine).verdict, WebhookVerdict::accepted);

  WebhookRequest tampered = genuine;
  tampered.body.replace(tampered.body.find("succeeded"), 9, "failed");
  EXPECT_EQ(provider->handle_webhook(tampered).verdict, WebhookVerdict::rejected);

  const auto ten_minutes_ago = std::chrono::duration_cast<std::chrono::seconds>(
                                   (std::chrono::system_clock::now() - 10min).time_since_epoch()).count();
  const WebhookResult old = provider->handle_webhook(webhook_for(created.refund_ref, {{"timestamp", ten_minutes_ago}}));
  EXPECT_EQ(old.verdict, WebhookVerdict::rejected);
  EXPECT_NE(old.error.find("tolerance"), std::string::npos) << old.error;

  ProviderConfig other = config(stripe_key);
  other.webhook_secret = "whsec_someone_else";
  EXPECT_EQ(make_stripe_provider(other)->handle_webhook(genuine).verdict, WebhookVerdict::rejected);

  WebhookRequest unsigned_request{genuine.body, {}};
  EXPECT_EQ(provider->handle_webhook(unsigned_request).verdict, WebhookVerdict::rejected);
}

TEST_F(PaymentProviders, StripeReplayedWebhookKeepsItsEventId) {
  auto provider = stripe();
  const RefundResult created = provider->create_refund(request("pi_pending"));
  const WebhookResult early = provider->handle_webhook(webhook_for(created.refund_ref, {{"type", "refund.created"}}));
  control("POST", "/_control/refunds/" + created.refund_ref + "/complete");
  const WebhookResult done = provider->handle_webhook(webhook_for(created.refund_ref));
  control("POST", "/_control/webhooks/0/replay");
  const WebhookResult late = provider->handle_webhook(last_inbox_entry());

  ASSERT_EQ(early.updates.size(), 1u);
  ASSERT_EQ(done.updates.size(), 1u);
  ASSERT_EQ(late.updates.size(), 1u);
  EXPECT_EQ(early.updates[0].state, RefundState::pending);
  EXPECT_EQ(done.updates[0].state, RefundState::succeeded);
  EXPECT_EQ(late.updates[0].state, RefundState::pending);
  EXPECT_EQ(late.updates[0].event_id, early.updates[0].event_id);
  EXPECT_NE(late.updates[0].event_id, done.updates[0].event_id);
}

// ---- Mollie against the fake ----------------------------------------------------------------------

TEST_F(PaymentProviders, MollieRefundIsPendingThenRefunded) {
  auto provider = mollie();
  const RefundResult created = provider->create_refund(request("tr_ok", 8950));
  EXPECT_EQ(created.state, RefundState::pending) << created.error;
  EXPECT_EQ(created.refund_ref.rfind("re_", 0), 0u);
  EXPECT_EQ(provider->get_refund("tr_ok", created.refund_ref).state, RefundState::succeeded);

  const json sent = requests("/v2/payments/tr_ok/refunds")[0];
  EXPECT_EQ(json::parse(sent["body"].get<std::string>()),
            json::parse(R"({"amount":{"currency":"EUR","value":"89.50"},"description":"Order T9X4K2QZ"})"));
}

TEST_F(PaymentProviders, MollieFailureCarriesProviderMessage) {
  const RefundResult result = mollie()->create_refund(request("tr_fail"));
  EXPECT_EQ(result.state, RefundState::failed);
  EXPECT_EQ(result.error, "The payment cannot be refunded: the payment method declined the refund.");
}

TEST_F(PaymentProviders, MollieTimeoutIsUnknown) {
  const RefundResult result = mollie(300ms)->create_refund(request("tr_slow"));
  EXPECT_EQ(result.state, RefundState::unknown);
  EXPECT_NE(result.error.find("timeout"), std::string::npos) << result.error;
}

TEST_F(PaymentProviders, MollieServiceUnavailableIsUnknown) {
  const RefundResult result = mollie()->create_refund(request("tr_down"));
  EXPECT_EQ(result.state, RefundState::unknown);
  EXPECT_NE(result.error.find("HTTP 503"), std::string::npos) << result.error;
}

TEST_F(PaymentProviders, MollieSameKeyReturnsTheFirstRefund) {
  auto provider = mollie();
  const RefundResult a = provider->create_refund(request("tr_twice", 500, "order-8-refund-1"));
  const RefundResult b = provider->create_refund(request("tr_twice", 500, "order-8-refund-1"));
  ASSERT_EQ(a.state, RefundState::pending) << a.error;
  EXPECT_EQ(b.state, RefundState::pending);
  EXPECT_EQ(a.refund_ref, b.refund_ref);
  EXPECT_EQ(refund_count("tr_twice"), 1);

  const json sent = requests("/v2/");
  ASSERT_EQ(sent.size(), 2u);
  for (const auto& r : sent) {
    EXPECT_EQ(r["headers"]["Idempotency-Key"], "order-8-refund-1");
    EXPECT_EQ(r["headers"]["Authorization"], "Bearer test_fake");
    EXPECT_EQ(r["headers"]["Content-Type"], "application/json");
  }
}

TEST_F(PaymentProviders, MollieAcceptsEveryAmountString) {
  auto provider = mollie();
  const std::vector<std::tuple<int64_t, std::string, std::string>> cases = {
      {1, "EUR", "0.01"}, {8950, "EUR", "89.50"}, {100000, "EUR", "1000.00"}, {1500, "JPY", "1500"}};
  int n = 0;
  for (const auto& [amount, currency, value] : cases) {
    const std::string key = "amount-" + std::to_string(n++);
    const RefundResult result = provider->create_refund(request("tr_amounts", amount, key, currency));
    EXPECT_EQ(result.state, RefundState::pending) << value << ": " << result.error;
  }
  const json sent = requests("/v2/");
  ASSERT_EQ(sent.size(), cases.size());
  for (size_t i = 0; i < cases.size(); ++i)
    EXPECT_EQ(json::parse(sent[i]["body"].get<std::string>())["amount"]["value"], std::get<2>(cases[i]));
}

TEST_F(PaymentProviders, MollieWrongKeyFails) {
  const RefundResult result = make_mollie_provider(config("test_wrong"))->create_refund(request("tr_ok"));
  EXPECT_EQ(result.state, RefundState::failed);
  EXPECT_EQ(result.error, "Missing authentication, or failed to authenticate");
}

TEST_F(PaymentProviders, InvalidRequestsNeverReachTheProvider) {
  EXPECT_EQ(mollie()->create_refund(request("tr_ok", 0)).state, RefundState::failed);
  EXPECT_EQ(stripe()->create_refund(request("pi_ok", 100, "")).state, RefundState::failed);
  EXPECT_EQ(stripe()->create_refund(request("pi_ok", 100, "k", "EURO")).state, RefundState::failed);
  EXPECT_TRUE(requests("/").empty());
}

TEST_F(PaymentProviders, MollieWebhookNamesThePaymentWithoutCallingTheApi) {
  auto provider = mollie();
  std::vector<std::string> refs;
  for (const char* key : {"r1", "r2", "r3"})
    refs.push_back(provider->create_refund(request("tr_pending_multi", 100, key)).refund_ref);
  control("POST", "/_control/refunds/" + refs[0] + "/complete");
  control("POST", "/_control/refunds/" + refs[1] + "/fail");

  const WebhookRequest hook_request = webhook_for(refs[0]);
  EXPECT_EQ(hook_request.body, "id=tr_pending_multi");
  const WebhookResult hook = provider->handle_webhook(hook_request);
  ASSERT_EQ(hook.verdict, WebhookVerdict::accepted) << hook.error;
  ASSERT_EQ(hook.updates.size(), 1u);
  EXPECT_EQ(hook.updates[0].payment_ref, "tr_pending_multi");
  EXPECT_TRUE(hook.updates[0].refund_ref.empty());
  EXPECT_EQ(hook.updates[0].state, RefundState::unknown);
  EXPECT_EQ(requests("/v2/payments/tr_pending_multi/refunds").size(), 3u);  // the creates only

  EXPECT_EQ(provider->get_refund("tr_pending_multi", refs[0]).state, RefundState::succeeded);
  const RefundResult failed = provider->get_refund("tr_pending_multi", refs[1]);
  EXPECT_EQ(failed.state, RefundState::failed);
  EXPECT_EQ(failed.error, "refund failed");
  EXPECT_EQ(provider->get_refund("tr_pending_multi", refs[2]).state, RefundState::pending);
}

TEST_F(PaymentProviders, MollieWebhookWithoutAValidIdIsRejectedUnfetched) {
  auto provider = mollie();
  EXPECT_EQ(provider->handle_webhook({"id=..%2Fv1%2Frefunds", {}}).verdict, WebhookVerdict::rejected);
  EXPECT_EQ(provider->handle_webhook({"", {}}).verdict, WebhookVerdict::rejected);
  EXPECT_EQ(provider->handle_webhook({"id=re_123", {}}).verdict, WebhookVerdict::rejected);
  EXPECT_TRUE(requests("/").empty());
}

TEST_F(PaymentProviders, MollieWebhookIsAcceptedWhileTheApiIsDown) {
  const WebhookResult hook = mollie()->handle_webhook({"id=tr_down", {}});
  EXPECT_EQ(hook.verdict, WebhookVerdict::accepted);
  ASSERT_EQ(hook.updates.size(), 1u);
  EXPECT_EQ(hook.updates[0].payment_ref, "tr_down");
  EXPECT_TRUE(requests("/").empty());
}

// ---- pure functions -------------------------------------------------------------------------------

TEST(PaymentMoney, FormatsMinorUnitsExactly) {
  EXPECT_EQ(format_minor_units(1, 2), "0.01");
  EXPECT_EQ(format_minor_units(8950, 2), "89.50");
  EXPECT_EQ(format_minor_units(100000, 2), "1000.00");
  EXPECT_EQ(format_minor_units(1500, 0), "1500");
  EXPECT_EQ(format_minor_units(1234, 3), "1.234");
  EXPECT_EQ(format_minor_units(-5, 2), "-0.05");
  EXPECT_EQ(format_minor_units(INT64_MIN, 2), "-92233720368547758.08");
  EXPECT_EQ(currency_exponent("jpy"), 0);
  EXPECT_EQ(currency_exponent("EUR"), 2);
  EXPECT_EQ(currency_exponent("KWD"), 3);
  EXPECT_EQ(currency_exponent("EU"), std::nullopt);
  EXPECT_EQ(currency_exponent("E1R"), std::nullopt);
}

TEST(PaymentMoney, MollieBodyUsesTheCurrencyDecimals) {
  const json body = mollie_refund_body({"tr_x", 1500, "jpy", "k", ""});
  EXPECT_EQ(body, json::parse(R"({"amount":{"currency":"JPY","value":"1500"},"description":"Refund"})"));
}

TEST(StripeMapping, RefundStatuses) {
  auto state = [](json refund) { return stripe_refund_result(refund); };
  EXPECT_EQ(state({{"id", "re_1"}, {"status", "succeeded"}}).state, RefundState::succeeded);
  EXPECT_EQ(state({{"id", "re_1"}, {"status", "requires_action"}}).state, RefundState::pending);
  EXPECT_EQ(state({{"id", "re_1"}, {"status", "pending"}}).state, RefundState::pending);
  const RefundResult canceled = state({{"id", "re_1"}, {"status", "canceled"}, {"failure_reason", "merchant_request"}});
  EXPECT_EQ(canceled.state, RefundState::failed);
  EXPECT_EQ(canceled.error, "refund canceled: merchant_request");
  EXPECT_EQ(state({{"id", "re_1"}, {"status", "failed"}, {"failure_reason", nullptr}}).error, "refund failed");
}

TEST(StripeMapping, EventsOtherThanRefundsAreAcceptedWithoutUpdates) {
  const json refund = {{"id", "re_9"}, {"object", "refund"}, {"status", "succeeded"}, {"payment_intent", "pi_9"}};
  const json charge_event = {{"id", "evt_1"}, {"object", "event"}, {"type", "charge.refund.updated"},
                             {"data", {{"object", refund}}}};
  const WebhookResult charge = parse_stripe_event(charge_event.dump());
  ASSERT_EQ(charge.updates.size(), 1u);
  EXPECT_EQ(charge.updates[0].payment_ref, "pi_9");

  json other = charge_event;
  other["type"] = "payment_intent.succeeded";
  const WebhookResult ignored = parse_stripe_event(other.dump());
  EXPECT_EQ(ignored.verdict, WebhookVerdict::accepted);
  EXPECT_TRUE(ignored.updates.empty());
  EXPECT_EQ(parse_stripe_event("[1,2]").verdict, WebhookVerdict::rejected);
}

TEST(MollieMapping, RefundStatuses) {
  auto state = [](const char* status) { return mollie_refund_result({{"id", "re_1"}, {"status", status}}).state; };
  EXPECT_EQ(state("queued"), RefundState::pending);
  EXPECT_EQ(state("pending"), RefundState::pending);
  EXPECT_EQ(state("processing"), RefundState::pending);
  EXPECT_EQ(state("refunded"), RefundState::succeeded);
  EXPECT_EQ(state("failed"), RefundState::failed);
  EXPECT_EQ(state("canceled"), RefundState::failed);
}

TEST(StripeSignature, ChecksSecretPayloadAndTime) {
  const std::string payload = R"({"id":"evt_1","object":"event"})";
  const auto now = std::chrono::system_clock::time_point(std::chrono::seconds(1'800'000'000));
  const std::string header = sign_stripe_payload(payload, "whsec_a", 1'800'000'000 - 299);
  EXPECT_EQ(verify_stripe_signature(payload, header, "whsec_a", 300s, now), "");
  EXPECT_NE(verify_stripe_signature(payload, header, "whsec_b", 300s, now), "");
  EXPECT_NE(verify_stripe_signature(payload + " ", header, "whsec_a", 300s, now), "");
  EXPECT_NE(verify_stripe_signature(payload, header, "whsec_a", 300s, now + 2s), "");
  EXPECT_NE(verify_stripe_signature(payload, header, "whsec_a", 300s, now - 600s), "");

  const std::string v1 = header.substr(header.find("v1="));
  const std::string rotated = "t=" + std::to_string(1'800'000'000 - 299) + ",v1=" + std::string(64, '0') + "," + v1 +
                              ",v0=ignored";
  EXPECT_EQ(verify_stripe_signature(payload, rotated, "whsec_a", 300s, now), "");
  EXPECT_NE(verify_stripe_signature(payload, "v1=abc", "whsec_a", 300s, now), "");
  EXPECT_NE(verify_stripe_signature(payload, "t=x," + v1, "whsec_a", 300s, now), "");
  EXPECT_NE(verify_stripe_signature(payload, header, "", 300s, now), "");
}

TEST(MollieWebhookBody, NamesOnlyPaymentIds) {
  EXPECT_EQ(mollie_webhook_payment_id("id=tr_5B8cwPMGnU6qLbRvo7qEZo"), "tr_5B8cwPMGnU6qLbRvo7qEZo");
  EXPECT_EQ(mollie_webhook_payment_id("foo=1&id=tr_a"), "tr_a");
  EXPECT_EQ(mollie_webhook_payment_id("id=tr_"), "");
  EXPECT_EQ(mollie_webhook_payment_id("id=tr_a%2F..%2F"), "");
  EXPECT_EQ(mollie_webhook_payment_id("id=ord_1"), "");
}

}  // namespace
}  // namespace bo::payments
