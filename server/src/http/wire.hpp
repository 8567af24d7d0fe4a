#pragma once
// JSON shapes of the API (docs/api.md). The only place that decides field names.
#include <nlohmann/json.hpp>

#include "services/import_orders.hpp"
#include "services/orders.hpp"

namespace bo::http {
using nlohmann::json;

json time_json(std::optional<int64_t> seconds);
json event_json(const domain::Event& e);
json ticket_json(const domain::Ticket& t, bool mask_barcode = false);
json refund_json(const domain::Refund& r);
// The order detail as JSON text: the busiest answer, written without building a document first. The
// reasons of disabled actions are worded in `language`.
std::string order_json(const services::OrderView& v, const domain::Organisation& org, std::string_view language = "en");
json list_item_json(const domain::OrderListItem& i);
json history_json(const domain::HistoryItem& h);
json me_json(const services::Principal& p);
// An import; `full` adds the kept errors (lists leave them out).
json import_json(const services::ImportView& v, bool full);
// Contact fields of a PATCH body → patch; throws Error bad_request for wrong types.
domain::ContactPatch contact_patch_from(const json& body);
// Integer field or Error bad_request / validation_failed.
int64_t require_int(const json& body, const std::string& field);
}  // namespace bo::http
