// Orders: list and search, CSV export, detail, history, contact edits and notes.
#include <sodium.h>

#include "common/error.hpp"
#include "common/time.hpp"
#include "domain/money.hpp"
#include "http/api.hpp"
#include "http/csv_writer.hpp"
#include "http/wire.hpp"

namespace bo::http {
namespace {

std::string encode_cursor(int64_t created_at, int64_t id) {
  return std::to_string(created_at) + "-" + std::to_string(id);
}

std::optional<std::pair<int64_t, int64_t>> decode_cursor(const std::string& s) {
  auto dash = s.find('-');
  if (dash == std::string::npos) return std::nullopt;
  try {
    size_t a = 0, b = 0;
    int64_t created = std::stoll(s.substr(0, dash), &a);
    int64_t id = std::stoll(s.substr(dash + 1), &b);
    if (a != dash || b != s.size() - dash - 1) return std::nullopt;
    return std::pair{created, id};
  } catch (...) {
    return std::nullopt;
  }
}

domain::OrderFilter filter_from(const Call& call) {
  const auto& req = call.req;
  const auto& zone = call.who().organisation.time_zone;
  domain::OrderFilter f;
  std::map<std::string, std::string> errors;
  f.q = req.q("q").value_or("");
  if (f.q.size() > 200) errors["q"] = "At most 200 characters.";
  if (auto s = req.q("status")) {
    f.status = domain::parse_state<domain::OrderStatus>(*s);
    if (!f.status) errors["status"] = "Unknown status.";
  }
  if (auto m = req.q("payment_method")) {
    if (domain::is_payment_method(*m)) f.payment_method = *m;
    else errors["payment_method"] = "Unknown payment method.";
  }
  if (auto e = req.q("event_id")) {
    try {
      size_t used = 0;
      f.event_id = std::stoll(*e, &used);
      if (used != e->size()) throw std::invalid_argument("");
    } catch (...) {
      errors["event_id"] = "Must be a number.";
    }
  }
  if (auto from = req.q("from")) {
    if (auto t = parse_iso_time(*from, zone)) f.from = *t;
    else errors["from"] = "Use YYYY-MM-DD or an ISO 8601 time.";
  }
  if (auto to = req.q("to")) {
    auto t = parse_iso_time(*to, zone);
    if (t && to->size() == 10) {
      auto next = local_midnight(local_date(*t + 36 * 3600, zone), zone);  // the following local day
      f.to = next;
    } else if (t) {
      f.to = *t;
    } else {
      errors["to"] = "Use YYYY-MM-DD or an ISO 8601 time.";
    }
  }
  if (auto l = req.q("limit")) {
    try {
      f.limit = std::stoi(*l);
    } catch (...) {
      f.limit = 0;
    }
    if (f.limit < 1 || f.limit > 200) errors["limit"] = "Between 1 and 200.";
  }
  if (auto cur = req.q("cursor")) {
    f.after = decode_cursor(*cur);
    if (!f.after) errors["cursor"] = "Not a cursor from this API.";
  }
  if (!errors.empty()) throw validation_failed(errors);
  return f;
}

std::string number_of(const Call& call) { return call.req.params.at("number"); }

}  // namespace

void add_order_routes(Routes& r) {
  r.add("GET", "/api/v1/orders", [](Call& call) {
    auto f = filter_from(call);
    int limit = f.limit;
    f.limit = limit + 1;
    auto items = services::list_orders(call.ctx, call.who(), f);
    json out = json::array();
    json next = nullptr;
    for (size_t i = 0; i < items.size() && i < static_cast<size_t>(limit); ++i) out.push_back(list_item_json(items[i]));
    if (items.size() > static_cast<size_t>(limit)) {
      const auto& last = items[static_cast<size_t>(limit) - 1];
      next = encode_cursor(last.created_at, last.id);
    }
    return Response::json_body({{"items", out}, {"next_cursor", next}});
  }).accepts({"q", "status", "payment_method", "event_id", "from", "to", "limit", "cursor"});

  r.add("GET", "/api/v1/orders.csv", [](Call& call) {
    auto f = filter_from(call);
    f.limit = 1000;
    const auto& org = call.who().organisation;
    int exp = domain::currency_exponent(org.currency).value_or(2);
    CsvWriter csv;
    csv.row({"number", "status", "created_at", "event", "contact_name", "email", "tickets", "total", "currency",
             "payment_method"});
    size_t rows = 0;
    for (;;) {
      auto items = services::export_orders(call.ctx, call.who(), f);
      for (const auto& i : items)
        csv.row({i.number, std::string(domain::to_string(i.status)), iso_utc(i.created_at), i.event_name, i.contact_name, i.email.value_or(""),
                 csv_number(std::to_string(i.ticket_count)), csv_number(domain::format_decimal(i.total, exp)), i.currency,
                 i.payment_method});
      rows += items.size();
      if (items.size() < static_cast<size_t>(f.limit) || rows >= 1000000) break;
      f.after = std::pair{items.back().created_at, items.back().id};
    }
    Response res;
    res.content_type = "text/csv; charset=utf-8";
    res.headers.emplace_back("Content-Disposition", "attachment; filename=\"orders.csv\"");
    res.body = csv.take();
    return res;
  }).accepts({"q", "status", "payment_method", "event_id", "from", "to", "limit", "cursor"});

  r.add("GET", "/api/v1/orders/:number", [](Call& call) {
    auto view = services::get_order(call.ctx, call.who(), number_of(call));
    return Response::json_text(order_json(view, call.who().organisation, call.req.language()));
  });

  r.add("GET", "/api/v1/orders/:number/history", [](Call& call) {
    json items = json::array();
    for (const auto& h : services::order_history(call.ctx, call.who(), number_of(call))) items.push_back(history_json(h));
    return Response::json_body({{"items", items}});
  });

  r.add("PATCH", "/api/v1/orders/:number/contact", [](Call& call) {
    auto body = call.body_json();
    auto expected = require_int(body, "expected_version");
    auto view = services::update_contact(call.ctx, call.who(), number_of(call), expected, contact_patch_from(body));
    return Response::json_text(order_json(view, call.who().organisation, call.req.language()));
  });

  r.add("POST", "/api/v1/orders/:number/notes", [](Call& call) {
    auto body = call.body_json();
    if (!body.contains("text") || !body["text"].is_string()) throw validation_failed({{"text", "Required."}});
    auto item = services::add_note(call.ctx, call.who(), number_of(call), body["text"].get<std::string>());
    return Response::json_body(history_json(item), 201);
  });
}
}  // namespace bo::http
