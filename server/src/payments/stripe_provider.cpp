// Stripe adapter: form-encoded requests, refund-object and error-body mapping, signed events.
#include "payments/stripe_provider.hpp"

#include "common/json_input.hpp"
#include "payments/http_client.hpp"
#include "payments/http_outcome.hpp"
#include "payments/webhook.hpp"

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include <array>

namespace bo::payments {
namespace {

using nlohmann::json;

std::string string_field(const json& object, const char* key) {
  const auto it = object.find(key);
  if (it == object.end()) return {};
  if (it->is_string()) return it->get<std::string>();
  // Expandable fields arrive as objects when expanded.
  if (it->is_object() && it->contains("id") && (*it)["id"].is_string()) return (*it)["id"].get<std::string>();
  return {};
}

bool is_refund_object(const json& value) {
  return value.is_object() && string_field(value, "object") == "refund" && !string_field(value, "id").empty();
}

class StripeProvider final : public PaymentProvider {
 public:
  explicit StripeProvider(ProviderConfig config) : config_(std::move(config)) {
    while (!config_.base_url.empty() && config_.base_url.back() == '/') config_.base_url.pop_back();
  }

  std::string name() const override { return "stripe"; }

  RefundResult create_refund(const RefundRequest& request) override {
    if (auto problem = validate_refund_request(request); !problem.empty())
      return {RefundState::failed, {}, "invalid refund request: " + problem};
    std::vector<std::pair<std::string, std::string>> fields = {
        {"payment_intent", request.payment_ref}, {"amount", std::to_string(request.amount)}};
    if (!request.description.empty()) fields.emplace_back("metadata[description]", request.description);

    HttpRequest http{"POST", config_.base_url + "/v1/refunds", headers(), form_encode(fields), config_.timeout};
    http.headers.emplace_back("Content-Type", "application/x-www-form-urlencoded");
    http.headers.emplace_back("Idempotency-Key", request.idempotency_key);
    return finish(http_send(http), "create refund for " + request.payment_ref);
  }

  RefundResult get_refund(const std::string& payment_ref, const std::string& refund_ref) override {
    if (refund_ref.empty()) return {RefundState::unknown, {}, "refund reference is missing"};
    const HttpRequest http{"GET", config_.base_url + "/v1/refunds/" + url_encode(refund_ref), headers(), {},
                           config_.timeout};
    RefundResult result = finish(http_send(http), "get refund " + refund_ref);
    if (result.refund_ref.empty()) {
      result.refund_ref = refund_ref;
      result.state = RefundState::unknown;
    }
    return result;
  }

  WebhookResult handle_webhook(const WebhookRequest& request) override {
    const std::string_view signature = find_header(request.headers, "Stripe-Signature");
    if (signature.empty()) return {WebhookVerdict::rejected, {}, "missing Stripe-Signature header"};
    std::string problem =
        verify_stripe_signature(request.body, signature, config_.webhook_secret, config_.webhook_tolerance);
    if (!problem.empty()) {
      spdlog::warn("stripe webhook refused: {}", problem);
      return {WebhookVerdict::rejected, {}, std::move(problem)};
    }
    return parse_stripe_event(request.body);
  }

 private:
  HttpHeaders headers() const {
    return {{"Authorization", "Bearer " + config_.api_key}, {"Accept", "application/json"}};
  }

  RefundResult finish(const HttpResponse& response, const std::string& what) const {
    const json body = parse_json_input(response.body).value_or(json());
    if (is_success(response) && is_refund_object(body)) return stripe_refund_result(body);

    RefundResult result;
    if (is_success(response)) {
      result = {RefundState::unknown, {}, "unexpected response body"};
    } else {
      std::string message;
      bool idempotency_misuse = false;
      if (body.is_object() && body.contains("error") && body["error"].is_object()) {
        message = string_field(body["error"], "message");
        idempotency_misuse = string_field(body["error"], "type") == "idempotency_error";
      }
      result = error_outcome(response, message, idempotency_misuse);
    }
    result.error = redact(std::move(result.error), config_.api_key);
    spdlog::warn("stripe: {}: {} ({})", what, to_string(result.state), result.error);
    return result;
  }

  ProviderConfig config_;
};

}  // namespace

RefundResult stripe_refund_result(const json& refund) {
  RefundResult result{RefundState::pending, string_field(refund, "id"), {}};
  const std::string status = string_field(refund, "status");
  const std::string reason = string_field(refund, "failure_reason");
  if (status == "succeeded") {
    result.state = RefundState::succeeded;
  } else if (status == "failed") {
    result.state = RefundState::failed;
    result.error = reason.empty() ? "refund failed" : "refund failed: " + reason;
  } else if (status == "canceled") {
    result.state = RefundState::failed;
    result.error = reason.empty() ? "refund canceled" : "refund canceled: " + reason;
  } else if (status != "pending" && status != "requires_action" && !status.empty()) {
    result.error = "unrecognised refund status: " + status;
  }
  return result;
}

WebhookResult parse_stripe_event(std::string_view payload) {
  static constexpr std::array<std::string_view, 4> refund_events = {"refund.created", "refund.updated",
                                                                    "refund.failed", "charge.refund.updated"};
  const json event = parse_json_input(payload).value_or(json());
  if (!event.is_object() || string_field(event, "object") != "event" || string_field(event, "type").empty())
    return {WebhookVerdict::rejected, {}, "payload is not a Stripe event"};

  WebhookResult result{WebhookVerdict::accepted, {}, {}};
  const std::string type = string_field(event, "type");
  bool wanted = false;
  for (auto name : refund_events) wanted |= name == type;
  if (!wanted) return result;

  const auto data = event.find("data");
  if (data == event.end() || !data->is_object() || !data->contains("object") || !is_refund_object((*data)["object"]))
    return {WebhookVerdict::rejected, {}, "refund event without a refund object"};
  const json& refund = (*data)["object"];
  const RefundResult state = stripe_refund_result(refund);
  result.updates.push_back(
      {state.refund_ref, string_field(refund, "payment_intent"), state.state, state.error, string_field(event, "id")});
  return result;
}

std::unique_ptr<PaymentProvider> make_stripe_provider(ProviderConfig config) {
  return std::make_unique<StripeProvider>(std::move(config));
}

}  // namespace bo::payments
