#pragma once
// JSON of order changes, read and written the same way by the API and the agent interface.
#include <nlohmann/json.hpp>

#include "services/change_order.hpp"

namespace bo::http {
using nlohmann::json;

// {operations: [...], notify_customer}; `with_version`: expected_version too. Error validation_failed
// naming the field, e.g. operations[2].ticket_id.
services::ChangeInput change_input_from(const json& body, bool with_version);
json change_outcome_json(const services::ChangeOutcome& out, const domain::Organisation& org, bool preview,
                         std::string_view language = "en");
json change_options_json(const services::ChangeOptions& options);
}  // namespace bo::http
