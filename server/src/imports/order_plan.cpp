// One pass over the records; phone numbers, the slow check, are normalised meanwhile on other cores.
#include "imports/order_plan.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cstring>

#include "common/time.hpp"
#include "domain/contact.hpp"
#include "domain/money.hpp"
#include "imports/csv_reader.hpp"
#include "imports/order_header.hpp"
#include "imports/phone_batches.hpp"

namespace bo::imports {
namespace {

constexpr size_t kBlockSize = 1 << 20;
constexpr size_t kMaxRef = 100, kMaxName = 100;
constexpr int64_t kMaxAmount = 10'000'000'000;  // minor units per ticket
constexpr int64_t kClockSkew = 300;             // seconds an ordered_at may lie ahead of now
constexpr const char* kBadPhone = "Not a valid phone number, e.g. +31 6 12345678.";
constexpr std::array<std::string_view, 8> kMethodNames{"card",          "ideal", "bancontact", "paypal",
                                                       "bank_transfer", "cash",  "invoice",    "free"};

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (lower(a[i]) != lower(b[i])) return false;
  return true;
}

std::optional<Method> parse_method(std::string_view s) {
  if (iequals(s, "manual")) return Method::bank_transfer;
  for (size_t i = 0; i < kMethodNames.size(); ++i)
    if (iequals(s, kMethodNames[i])) return static_cast<Method>(i);
  return std::nullopt;
}

std::string in_quotes(std::string_view s) { return "\"" + std::string(s) + "\""; }

std::string sentence(std::string_view s) {
  std::string out(s);
  if (!out.empty()) out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
  return out + ".";
}

// Events by id and by exact name; ticket types by name within their event.
class CatalogIndex {
 public:
  explicit CatalogIndex(const Catalog& c) : c_(c) {
    for (uint32_t i = 0; i < c.events.size(); ++i) {
      by_id_.emplace(c.events[i].id, i);
      by_name_[c.events[i].name].push_back(i);
    }
  }
  enum class Found { one, none, several };
  Found event(std::string_view raw, uint32_t& out) const {
    if (!raw.empty() && std::all_of(raw.begin(), raw.end(), [](char ch) { return ch >= '0' && ch <= '9'; }) &&
        raw.size() < 19) {
      auto it = by_id_.find(std::stoll(std::string(raw)));
      if (it != by_id_.end()) {
        out = it->second;
        return Found::one;
      }
    }
    auto it = by_name_.find(raw);
    if (it == by_name_.end()) return Found::none;
    if (it->second.size() > 1) return Found::several;
    out = it->second.front();
    return Found::one;
  }
  std::optional<uint32_t> type(uint32_t event, std::string_view name) const {
    for (auto t : c_.events[event].types)
      if (c_.types[t].name == name) return t;
    return std::nullopt;
  }

 private:
  const Catalog& c_;
  std::unordered_map<int64_t, uint32_t> by_id_;
  std::unordered_map<std::string_view, std::vector<uint32_t>> by_name_;  // views into the catalog
};

int64_t estimate_rows(std::string_view file) {
  int64_t lines = 0;
  for (const char* p = file.data(); (p = static_cast<const char*>(std::memchr(p, '\n', file.data() + file.size() - p)));
       ++p)
    ++lines;
  if (!file.empty() && file.back() != '\n') ++lines;
  return std::max<int64_t>(lines - 1, 0);
}

class Reading {
 public:
  Reading(std::string_view file, const Catalog& catalog, int64_t now, const ProgressFn& progress, Plan& plan)
      : file_(file), cat_(catalog), index_(catalog), now_(now), progress_(progress), plan_(plan),
        phones_(catalog.country) {
    exponent_ = domain::currency_exponent(catalog.currency).value_or(2);
    today_ = local_date(now, catalog.time_zone);
  }

  void run() {
    csv::Reader reader(file_);
    csv::Record rec;
    if (!reader.next(rec)) {
      plan_.errors.add(1, "", "", "The file is empty.");
      return;
    }
    if (!rec.ok()) {
      plan_.errors.add(static_cast<int64_t>(rec.line()), "", "", "The header row: " + sentence(rec.error_message()));
      return;
    }
    header_ = read_header(rec);
    for (const auto& p : header_.problems) {
      if (p.warning) plan_.warnings.push_back("Column " + in_quotes(p.column) + ": " + p.message);
      else plan_.errors.add(static_cast<int64_t>(rec.line()), p.column, "", p.message);
    }
    if (!plan_.errors.empty()) return;  // rows cannot be read without their columns

    const int64_t estimate = estimate_rows(file_);
    order_by_ref_.reserve(static_cast<size_t>(estimate / 2));
    plan_.tickets.reserve(static_cast<size_t>(estimate));
    while (reader.next(rec)) {
      row(rec);
      if (progress_ && (plan_.rows & 0x3FFF) == 0)
        progress_({"reading", plan_.rows, std::max(estimate, plan_.rows)});
    }
    if (progress_) progress_({"reading", plan_.rows, plan_.rows});
    check_phones();
  }

 private:
  std::string_view keep(std::string_view v) {
    if (v.data() >= file_.data() && v.data() + v.size() <= file_.data() + file_.size()) return v;
    return plan_.text.copy(v);
  }

  void error(Field f, std::string_view value, std::string message) {
    plan_.errors.add(line_, kFieldNames[static_cast<size_t>(f)], value, std::move(message));
  }

  std::string_view get(const csv::Record& rec, Field f) const {
    int i = header_.of(f);
    return i < 0 ? std::string_view() : trim(rec[static_cast<size_t>(i)]);
  }

  std::optional<int64_t> amount(std::string_view raw, Field f) {
    auto v = domain::parse_decimal(raw, exponent_);
    if (!v) {
      std::string example = exponent_ == 0 ? "89" : exponent_ == 3 ? "89.500" : "89.50";
      error(f, raw, "Not an exact amount in " + cat_.currency + ", e.g. " + example + ".");
    } else if (*v < 0) {
      error(f, raw, "Must not be negative.");
    } else if (*v > kMaxAmount) {
      error(f, raw, "Too large.");
    } else {
      return v;
    }
    return std::nullopt;
  }

  void row(const csv::Record& rec) {
    line_ = static_cast<int64_t>(rec.line());
    if (!rec.ok()) {
      ++plan_.rows;
      size_t f = rec.error_field() ? rec.error_field() - 1 : 0;
      plan_.errors.add(line_, header_.column_name(f), f < rec.size() ? rec[f] : std::string_view(),
                       sentence(rec.error_message()));
      return;
    }
    if (std::all_of(rec.fields().begin(), rec.fields().end(), [](std::string_view v) { return trim(v).empty(); }))
      return;  // a row of empty cells, as spreadsheets leave at the end
    ++plan_.rows;
    if (rec.size() != header_.names.size()) {
      plan_.errors.add(line_, "", "",
                       "This row has " + std::to_string(rec.size()) + " fields; the header has " +
                           std::to_string(header_.names.size()) + ".");
      return;
    }
    const int64_t errors_before = plan_.errors.total();

    auto ref = get(rec, Field::order_ref);
    if (ref.empty()) error(Field::order_ref, ref, "Required.");
    else if (ref.size() > kMaxRef) error(Field::order_ref, ref, "At most " + std::to_string(kMaxRef) + " characters.");

    auto email = get(rec, Field::email);
    if (email.empty()) error(Field::email, email, "Required.");
    else if (!domain::valid_email(email)) error(Field::email, email, "Not a valid e-mail address.");
    auto first = get(rec, Field::first_name), last = get(rec, Field::last_name);
    if (first.size() > kMaxName) error(Field::first_name, first, "At most 100 characters.");
    if (last.size() > kMaxName) error(Field::last_name, last, "At most 100 characters.");
    auto mobile = get(rec, Field::mobile);
    auto language_raw = get(rec, Field::language);
    std::string language(language_raw);
    for (auto& ch : language) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    if (!language.empty() && (language.size() != 2 || !std::isalpha(static_cast<unsigned char>(language[0])) ||
                              !std::isalpha(static_cast<unsigned char>(language[1]))))
      error(Field::language, language_raw, "Use a two-letter ISO 639-1 language code, e.g. nl.");

    uint32_t event = 0;
    bool event_ok = false;
    auto event_raw = get(rec, Field::event);
    if (event_raw.empty()) {
      error(Field::event, event_raw, "Required.");
    } else {
      switch (index_.event(event_raw, event)) {
        case CatalogIndex::Found::one: event_ok = true; break;
        case CatalogIndex::Found::none: error(Field::event, event_raw, "No event with this id or name."); break;
        case CatalogIndex::Found::several:
          error(Field::event, event_raw, "Several events have this name; use the event id.");
          break;
      }
    }
    const CatalogType* type = nullptr;
    uint32_t type_index = 0;
    auto type_raw = get(rec, Field::ticket_type);
    if (type_raw.empty()) {
      error(Field::ticket_type, type_raw, "Required.");
    } else if (event_ok) {
      if (auto t = index_.type(event, type_raw)) {
        type_index = *t;
        type = &cat_.types[*t];
      } else {
        error(Field::ticket_type, type_raw, "No ticket type with this name in " + in_quotes(cat_.events[event].name) + ".");
      }
    }

    Method method = Method::bank_transfer;
    auto method_raw = get(rec, Field::payment_method);
    if (!method_raw.empty()) {
      if (auto m = parse_method(method_raw)) method = *m;
      else error(Field::payment_method, method_raw, "Unknown payment method; use one of card, ideal, bancontact, paypal, bank_transfer, cash, invoice, free.");
    }
    bool paid = true;
    auto status_raw = get(rec, Field::status);
    if (!status_raw.empty()) {
      if (iequals(status_raw, "pending")) paid = false;
      else if (!iequals(status_raw, "paid")) error(Field::status, status_raw, "Use paid or pending.");
    }
    const bool free = method == Method::free;
    if (free && !paid) error(Field::status, status_raw, "A free order cannot be pending.");

    int64_t price = 0, fee = 0;
    auto price_raw = get(rec, Field::price), fee_raw = get(rec, Field::service_fee);
    if (!price_raw.empty()) {
      if (auto v = amount(price_raw, Field::price)) {
        price = *v;
        if (free && price != 0) error(Field::price, price_raw, "A free order has price 0.");
      }
    } else if (type && !free) {
      price = type->price;
    }
    if (!fee_raw.empty()) {
      if (auto v = amount(fee_raw, Field::service_fee)) {
        fee = *v;
        if (free && fee != 0) error(Field::service_fee, fee_raw, "A free order has service fee 0.");
      }
    } else if (type && !free) {
      fee = type->fee;
    }

    int64_t ordered_at = now_;
    auto ordered_raw = get(rec, Field::ordered_at);
    if (!ordered_raw.empty()) {
      if (auto t = parse_iso_time(ordered_raw, cat_.time_zone)) {
        ordered_at = *t;
        if (ordered_at > now_ + kClockSkew) error(Field::ordered_at, ordered_raw, "Lies in the future.");
      } else {
        error(Field::ordered_at, ordered_raw, "Not an ISO 8601 time, e.g. 2026-03-01T14:30:00+01:00.");
      }
    }

    std::string_view attendee = attendee_json(rec, type);
    if (plan_.errors.total() > errors_before) {
      // The row is not planned, so its phone number is not checked with the others: check it here.
      if (!mobile.empty() && !domain::normalise_phone(mobile, cat_.country))
        error(Field::mobile, mobile, kBadPhone);
      return;
    }

    uint32_t order_index;
    auto found = order_by_ref_.find(ref);
    if (found == order_by_ref_.end()) {
      order_index = static_cast<uint32_t>(plan_.orders.size());
      PlannedOrder o;
      o.ref = keep(ref);
      o.email = keep(email);
      o.first_name = keep(first);
      o.last_name = keep(last);
      o.raw_mobile = keep(mobile);
      o.language = plan_.text.copy(language);
      o.ordered_at = ordered_at;
      o.event = event;
      o.method = method;
      o.paid = paid;
      o.first_line = static_cast<uint32_t>(line_);
      plan_.orders.push_back(o);
      order_by_ref_.emplace(o.ref, order_index);
      if (!mobile.empty()) phones_.add({order_index, static_cast<uint32_t>(line_), o.raw_mobile, true});
    } else {
      order_index = found->second;
      const auto& o = plan_.orders[order_index];
      auto differs = [&](Field f, std::string_view value) {
        error(f, value, "Differs from line " + std::to_string(o.first_line) + ", the first row of this order_ref.");
      };
      if (!iequals(email, o.email)) differs(Field::email, email);
      if (first != o.first_name) differs(Field::first_name, first);
      if (last != o.last_name) differs(Field::last_name, last);
      if (language != o.language) differs(Field::language, language_raw);
      if (mobile != o.raw_mobile) {
        if (mobile.empty() || o.raw_mobile.empty()) differs(Field::mobile, mobile);
        else phones_.add({order_index, static_cast<uint32_t>(line_), keep(mobile), false});
      }
      if (event != o.event) differs(Field::event, event_raw);
      if (method != o.method) differs(Field::payment_method, method_raw);
      if (paid != o.paid) differs(Field::status, status_raw);
      if (ordered_at != o.ordered_at) differs(Field::ordered_at, ordered_raw);
      if (plan_.errors.total() > errors_before) return;
    }
    auto& o = plan_.orders[order_index];
    o.tickets += 1;
    o.price += price;
    o.fees += fee;
    plan_.tickets.push_back({order_index, type_index, static_cast<uint32_t>(line_), price, fee, attendee});
  }

  // Validates the row's attendee_<key> values against its ticket type; the JSON object or empty.
  std::string_view attendee_json(const csv::Record& rec, const CatalogType* type) {
    std::map<std::string, std::string> input;
    std::map<std::string, std::string_view> raw;
    for (const auto& col : header_.attendee) {
      auto v = trim(rec[col.index]);
      if (v.empty() || !type) continue;
      const auto& fields = type->fields;
      bool known = std::any_of(fields.begin(), fields.end(), [&](const domain::FieldDef& f) { return f.key == col.key; });
      if (!known) {
        plan_.errors.add(line_, header_.names[col.index], v,
                         fields.empty() ? "Ticket type " + in_quotes(type->name) + " has no personalisation fields."
                                        : "Ticket type " + in_quotes(type->name) + " has no field " + in_quotes(col.key) + ".");
        continue;
      }
      input.emplace(col.key, std::string(v));
      raw.emplace(col.key, v);
    }
    if (input.empty()) return {};
    std::map<std::string, std::string> errors;
    auto values = domain::validate_attendee(type->fields, {}, input, cat_.country, today_, false, errors);
    for (const auto& [key, message] : errors)
      plan_.errors.add(line_, std::string(kAttendeePrefix) + key, raw[key], message);
    if (!errors.empty() || values.empty()) return {};
    return plan_.text.copy(nlohmann::json(values).dump());
  }

  void check_phones() {
    auto done = phones_.finish([&](int64_t n, int64_t total) {
      if (progress_) progress_({"checking", n, total});
    });
    const auto& checks = done.checks;
    const auto& results = done.results;
    for (size_t i = 0; i < checks.size(); ++i) {
      const auto& p = checks[i];
      if (!p.first_row) continue;
      if (results[i].empty()) plan_.errors.add(p.line, "mobile", p.raw, kBadPhone);
      else plan_.orders[p.order].mobile = plan_.text.copy(results[i]);
    }
    for (size_t i = 0; i < checks.size(); ++i) {  // later rows, once every order's own number is known
      const auto& p = checks[i];
      const auto& o = plan_.orders[p.order];
      if (p.first_row || o.mobile.empty()) continue;
      if (results[i].empty())
        plan_.errors.add(p.line, "mobile", p.raw, kBadPhone);
      else if (results[i] != o.mobile)
        plan_.errors.add(p.line, "mobile", p.raw,
                         "Differs from line " + std::to_string(o.first_line) + ", the first row of this order_ref.");
    }
  }

  std::string_view file_;
  const Catalog& cat_;
  CatalogIndex index_;
  int64_t now_;
  const ProgressFn& progress_;
  Plan& plan_;
  int exponent_ = 2;
  std::string today_;
  Header header_;
  int64_t line_ = 0;
  std::unordered_map<std::string_view, uint32_t> order_by_ref_;
  PhoneBatches phones_;
};

}  // namespace

std::string_view TextArena::copy(std::string_view s) {
  if (s.empty()) return {};
  if (s.size() > left_) {
    size_t size = std::max(kBlockSize, s.size());
    blocks_.push_back(std::make_unique<char[]>(size));
    next_ = blocks_.back().get();
    left_ = size;
  }
  std::memcpy(next_, s.data(), s.size());
  std::string_view out(next_, s.size());
  next_ += s.size();
  left_ -= s.size();
  return out;
}

std::string_view to_string(Method m) { return kMethodNames[static_cast<size_t>(m)]; }

std::string_view provider_for(Method m) { return m == Method::free ? "none" : "manual"; }

std::unique_ptr<Plan> read_plan(std::string_view file, const Catalog& catalog, int64_t now,
                                const ProgressFn& progress) {
  auto plan = std::make_unique<Plan>();
  Reading(file, catalog, now, progress, *plan).run();
  return plan;
}

std::optional<RowError> unreadable(std::string_view file) {
  auto line_of = [&](size_t offset) {
    return 1 + static_cast<int64_t>(std::count(file.begin(), file.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
  };
  std::string_view rest = file;
  if (rest.starts_with("\xEF\xBB\xBF")) rest.remove_prefix(3);
  if (trim(rest).find_first_not_of("\r\n") == std::string_view::npos) return RowError{1, "", "", "The file is empty."};
  if (auto nul = file.find('\0'); nul != std::string_view::npos)
    return RowError{line_of(nul), "", "", "Line " + std::to_string(line_of(nul)) +
                                              " contains a NUL byte: this is not a CSV text file."};
  if (!csv::valid_utf8(file)) {
    int64_t line = 1;
    for (size_t start = 0; start < file.size(); ++line) {
      size_t end = file.find('\n', start);
      if (end == std::string_view::npos) end = file.size();
      if (!csv::valid_utf8(file.substr(start, end - start)))
        return RowError{line, "", "", "Line " + std::to_string(line) +
                                          " is not UTF-8 text. Save the file as \"CSV UTF-8\" and upload it again."};
      start = end + 1;
    }
    return RowError{1, "", "", "The file is not UTF-8 text. Save it as \"CSV UTF-8\" and upload it again."};
  }
  return std::nullopt;
}

Catalog make_catalog(const domain::Organisation& org, const std::vector<domain::Event>& events,
                     const std::vector<domain::TicketType>& types) {
  Catalog cat;
  cat.currency = org.currency;
  cat.time_zone = org.time_zone;
  cat.country = org.country;
  std::unordered_map<int64_t, uint32_t> event_index;
  for (const auto& e : events) {
    event_index[e.id] = static_cast<uint32_t>(cat.events.size());
    cat.events.push_back({e.id, e.name, {}});
  }
  for (const auto& t : types) {
    auto e = event_index.find(t.event_id);
    if (e == event_index.end()) continue;
    cat.events[e->second].types.push_back(static_cast<uint32_t>(cat.types.size()));
    cat.types.push_back({t.id, t.event_id, t.name, t.price, t.fee, t.capacity, t.issued, t.fields});
  }
  return cat;
}

std::vector<std::string_view> refs_of(const Plan& plan) {
  std::vector<std::string_view> refs;
  refs.reserve(plan.orders.size());
  for (const auto& o : plan.orders) refs.push_back(o.ref);
  return refs;
}

void mark_existing(Plan& plan, const std::unordered_set<std::string>& taken) {
  if (taken.empty()) return;
  for (auto& o : plan.orders) o.exists = taken.count(std::string(o.ref)) > 0;
}

}  // namespace bo::imports
