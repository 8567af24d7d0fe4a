// Imports: upload a CSV (validated in the background), follow it, download its errors, commit it.
#include <fstream>
#include <iterator>

#include "common/error.hpp"
#include "http/api.hpp"
#include "http/csv_writer.hpp"
#include "http/wire.hpp"

namespace bo::http {
namespace {

constexpr int kListLimit = 50;

int64_t id_of(const Call& call) {
  const auto& s = call.req.params.at("id");
  if (s.empty() || s.size() > 18 || s.find_first_not_of("0123456789") != std::string::npos) throw not_found("import");
  return std::stoll(s);
}

bool csv_content_type(const std::string& header) {
  std::string type = header.substr(0, header.find(';'));
  type = domain::to_lower_ascii(domain::trim(type));
  // What browsers and tools send for a .csv file; Excel installations announce it as vnd.ms-excel.
  for (const char* ok : {"", "text/csv", "text/plain", "application/csv", "text/comma-separated-values",
                         "application/vnd.ms-excel", "application/octet-stream"})
    if (type == ok) return true;
  return false;
}

std::optional<bool> flag(const Request& req, const std::string& name) {
  auto v = req.q(name);
  if (!v) return std::nullopt;
  auto s = domain::to_lower_ascii(*v);
  if (s == "true" || s == "1" || s == "yes") return true;
  if (s == "false" || s == "0" || s == "no") return false;
  throw validation_failed({{name, "Use true or false."}});
}

// The uploaded file, streamed to disk as it arrived.
std::string body_of(const Request& req) {
  if (req.body_file.empty()) return req.body;
  std::ifstream in(req.body_file, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}
}  // namespace

void add_import_routes(Routes& r, int64_t max_file_bytes) {
  r.add(
      "POST", "/api/v1/imports",
      [](Call& call) {
        if (!csv_content_type(call.req.header("content-type")))
          throw Error("unsupported_media_type", "Send the CSV file itself as the body, with Content-Type: text/csv.");
        auto row = services::upload_import(call.ctx, call.who(), call.req.q("file_name").value_or(""), body_of(call.req),
                                           flag(call.req, "send_emails").value_or(false));
        return Response::json_body(import_json(services::ImportView{row, std::nullopt}, false), 202);
      },
      true, static_cast<size_t>(max_file_bytes))
      .accepts({"file_name", "send_emails"})
      .streams_body = true;

  r.add("GET", "/api/v1/imports", [max_file_bytes](Call& call) {
    json items = json::array();
    for (const auto& v : services::list_imports(call.ctx, call.who(), kListLimit)) items.push_back(import_json(v, false));
    return Response::json_body({{"items", items}, {"max_bytes", max_file_bytes}});
  });

  r.add("GET", "/api/v1/imports/:id", [](Call& call) {
    return Response::json_body(import_json(services::get_import(call.ctx, call.who(), id_of(call)), true));
  });

  r.add("GET", "/api/v1/imports/:id/errors.csv", [](Call& call) {
    auto v = services::get_import(call.ctx, call.who(), id_of(call));
    CsvWriter csv;
    csv.row({"line", "column", "value", "message"});
    auto errors = json::parse(v.row.errors, nullptr, false);
    if (errors.is_array())
      for (const auto& e : errors)
        csv.row({csv_number(std::to_string(e.value("line", 0))), e.value("column", ""), e.value("value", ""),
                 e.value("message", "")});
    if (errors.is_array() && v.row.error_count > static_cast<int64_t>(errors.size()))
      csv.row({"", "", "",
               "The first " + std::to_string(errors.size()) + " of " + std::to_string(v.row.error_count) +
                   " errors are listed."});
    Response res;
    res.content_type = "text/csv; charset=utf-8";
    res.headers.emplace_back("Content-Disposition",
                             "attachment; filename=\"import-" + std::to_string(v.row.id) + "-errors.csv\"");
    res.body = csv.take();
    return res;
  });

  r.add("POST", "/api/v1/imports/:id/commit", [](Call& call) {
    std::optional<bool> send_emails;
    if (!call.req.body.empty()) {
      auto body = call.body_json();
      if (body.contains("send_emails")) {
        if (!body["send_emails"].is_boolean()) throw validation_failed({{"send_emails", "Must be true or false."}});
        send_emails = body["send_emails"].get<bool>();
      }
    }
    auto v = services::request_import_commit(call.ctx, call.who(), id_of(call), send_emails);
    return Response::json_body(import_json(v, false), 202);
  });
}

}  // namespace bo::http
