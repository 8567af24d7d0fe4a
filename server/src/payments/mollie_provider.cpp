// Mollie adapter: JSON requests, HAL refund objects, problem-style errors, paginated refund lists.
#include "payments/mollie_provider.hpp"

#include "common/json_input.hpp"
#include "payments/http_client.hpp"
#include "payments/http_outcome.hpp"
#include "payments/money.hpp"
#include "payments/webhook.hpp"

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <cctype>

namespace bo::payments {
namespace {

using nlohmann::json;

std::string string_field(const json& object, const char* key) {
  const auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string{};
}

bool is_refund_object(const json& value) {
  return value.is_object() && string_field(value, "resource") == "refund" && !string_field(value, "id").empty();
}

bool mentions_idempotency(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
  return text.find("idempotency") != std::string::npos;
}

std::string error_message(const json& body) {
  if (!body.is_object()) return {};
  std::string detail = string_field(body, "detail");
  return detail.empty() ? string_field(body, "title") : detail;
}

class MollieProvider final : public PaymentProvider {
 public:
  explicit MollieProvider(ProviderConfig config) : config_(std::move(config)) {
    while (!config_.base_url.empty() && config_.base_url.back() == '/') config_.base_url.pop_back();
  }

  std::string name() const override { return "mollie"; }

  RefundResult create_refund(const RefundRequest& request) override {
    if (auto problem = validate_refund_request(request); !problem.empty())
      return {RefundState::failed, {}, "invalid refund request: " + problem};
    HttpRequest http{"POST", refunds_url(request.payment_ref), headers(), mollie_refund_body(request).dump(),
                     config_.timeout};
    http.headers.emplace_back("Content-Type", "application/json");
    http.headers.emplace_back("Idempotency-Key", request.idempotency_key);
    return finish(http_send(http), "create refund for " + request.payment_ref);
  }

  RefundResult get_refund(const std::string& payment_ref, const std::string& refund_ref) override {
    if (payment_ref.empty() || refund_ref.empty()) return {RefundState::unknown, {}, "reference is missing"};
    const HttpRequest http{"GET", refunds_url(payment_ref) + "/" + url_encode(refund_ref), headers(), {},
                           config_.timeout};
    RefundResult result = finish(http_send(http), "get refund " + refund_ref);
    if (result.refund_ref.empty()) {
      result.refund_ref = refund_ref;
      result.state = RefundState::unknown;
    }
    return result;
  }

  // Mollie signs nothing: the post only names a payment, whose refunds are fetched later (get_refund).
  WebhookResult handle_webhook(const WebhookRequest& request) override {
    const std::string payment_id = mollie_webhook_payment_id(request.body);
    if (payment_id.empty()) return {WebhookVerdict::rejected, {}, "webhook names no payment"};
    return {WebhookVerdict::accepted, {{{}, payment_id, RefundState::unknown, {}, {}}}, {}};
  }

 private:
  std::string refunds_url(const std::string& payment_ref) const {
    return config_.base_url + "/v2/payments/" + url_encode(payment_ref) + "/refunds";
  }

  HttpHeaders headers() const {
    return {{"Authorization", "Bearer " + config_.api_key}, {"Accept", "application/hal+json, application/json"}};
  }

  RefundResult finish(const HttpResponse& response, const std::string& what) const {
    const json body = parse_json_input(response.body).value_or(json());
    if (is_success(response) && is_refund_object(body)) return mollie_refund_result(body);

    RefundResult result;
    if (is_success(response)) {
      result = {RefundState::unknown, {}, "unexpected response body"};
    } else {
      const std::string message = error_message(body);
      result = error_outcome(response, message, mentions_idempotency(message));
    }
    result.error = redact(std::move(result.error), config_.api_key);
    spdlog::warn("mollie: {}: {} ({})", what, to_string(result.state), result.error);
    return result;
  }

  ProviderConfig config_;
};

}  // namespace

RefundResult mollie_refund_result(const json& refund) {
  RefundResult result{RefundState::pending, string_field(refund, "id"), {}};
  const std::string status = string_field(refund, "status");
  if (status == "refunded") {
    result.state = RefundState::succeeded;
  } else if (status == "failed" || status == "canceled") {
    result.state = RefundState::failed;
    result.error = "refund " + status;
  } else if (status != "queued" && status != "pending" && status != "processing") {
    result.error = "unrecognised refund status: " + status;
  }
  return result;
}

json mollie_refund_body(const RefundRequest& request) {
  std::string currency = request.currency;
  std::transform(currency.begin(), currency.end(), currency.begin(), [](unsigned char c) { return std::toupper(c); });
  const int exponent = currency_exponent(currency).value_or(2);
  return {{"amount", {{"currency", currency}, {"value", format_minor_units(request.amount, exponent)}}},
          {"description", request.description.empty() ? std::string("Refund") : request.description}};
}

std::unique_ptr<PaymentProvider> make_mollie_provider(ProviderConfig config) {
  return std::make_unique<MollieProvider>(std::move(config));
}

}  // namespace bo::payments
