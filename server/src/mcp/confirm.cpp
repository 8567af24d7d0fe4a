#include "mcp/confirm.hpp"

#include "common/error.hpp"
#include "domain/contact.hpp"
#include "http/wire.hpp"
#include "services/agent_confirmations.hpp"

namespace bo::mcp {

int64_t confirm(ToolCall& call, std::string_view number, std::string_view action, const json& digest_args,
                std::string_view preview_tool, const std::function<Preview()>& preview) {
  if (auto token = text_arg(call.args, "confirmation_token", 100)) {
    auto version = services::redeem_confirmation(call.ctx, call.who, number, *token, action, digest_args);
    call.who.confirmation = "token";
    return version;
  }
  if (!call.elicitation)
    throw Error("confirmation_required",
                "The person must confirm this first: call " + std::string(preview_tool) +
                    ", show them what it returns, and pass its confirmation_token when they agree.");
  auto p = preview();  // also refuses, with the order's reason, what the rules do not allow
  json schema = {{"type", "object"},
                 {"properties",
                  {{"confirm",
                    {{"type", "boolean"}, {"title", "Yes, do this"}, {"description", "Only yes carries it out."}}}}},
                 {"required", {"confirm"}}};
  auto answer = call.elicitation->ask("elicitation/create",
                                      {{"mode", "form"}, {"message", p.message}, {"requestedSchema", schema}});
  if (!answer || !answer->contains("result") || !(*answer)["result"].is_object())
    throw Error("not_confirmed", "No answer came from the person. Nothing was changed.");
  const json& r = (*answer)["result"];
  std::string said = r.value("action", "");
  const json* content = r.contains("content") && r["content"].is_object() ? &r["content"] : nullptr;
  bool yes = said == "accept" && content && content->contains("confirm") && (*content)["confirm"].is_boolean() &&
             (*content)["confirm"].get<bool>();
  if (!yes)
    throw Error("not_confirmed", said == "cancel" ? "The person cancelled. Nothing was changed."
                                                  : "The person did not confirm. Nothing was changed.");
  call.who.confirmation = "elicitation";
  return p.version;
}

json resend_digest(std::string_view email) {
  return {{"email", domain::to_lower_ascii(domain::trim(email))}};
}

json confirmation_json(ToolCall& call, const domain::Order& order, std::string_view action, const json& digest_args) {
  auto issued = services::issue_confirmation(call.ctx, call.who, order, action, digest_args);
  return {{"confirmation_token", issued.token}, {"expires_at", http::time_json(issued.expires_at)}};
}

}  // namespace bo::mcp
