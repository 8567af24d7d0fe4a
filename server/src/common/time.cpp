#include "common/time.hpp"

#include "common/messages.hpp"

#include <date/date.h>
#include <date/tz.h>

#include <charconv>
#include <fstream>
#include <stdexcept>
#include <chrono>

namespace bo {
using std::chrono::seconds;
using std::chrono::minutes;
using std::chrono::hours;
using std::chrono::system_clock;
using std::chrono::duration_cast;
using date::sys_seconds;
using date::local_seconds;
using date::local_days;

int64_t now_seconds() {
  return duration_cast<seconds>(system_clock::now().time_since_epoch()).count();
}

FileClock::FileClock(std::string path) : path_(std::move(path)), last_(0) {
  if (now() == 0) throw std::runtime_error("the clock file " + path_ + " holds no time in seconds");
}

int64_t FileClock::now() const {
  std::ifstream in(path_);
  int64_t seconds = 0;
  if (in >> seconds && seconds > 0) last_ = seconds;
  return last_;
}

std::string iso_utc(int64_t s) {
  // Written by hand: it runs for every time in every answer, and a formatting stream costs far more.
  auto day = date::floor<date::days>(sys_seconds{seconds{s}});
  date::year_month_day ymd{day};
  int64_t secs = s - duration_cast<seconds>(day.time_since_epoch()).count();
  int y = static_cast<int>(ymd.year());
  if (y < 0 || y > 9999) return date::format("%FT%TZ", sys_seconds{seconds{s}});
  char out[21];
  auto put = [&](int at, int v, int width) {
    for (int i = width - 1; i >= 0; --i, v /= 10) out[at + i] = static_cast<char>('0' + v % 10);
  };
  put(0, y, 4);
  out[4] = '-';
  put(5, static_cast<int>(static_cast<unsigned>(ymd.month())), 2);
  out[7] = '-';
  put(8, static_cast<int>(static_cast<unsigned>(ymd.day())), 2);
  out[10] = 'T';
  put(11, static_cast<int>(secs / 3600), 2);
  out[13] = ':';
  put(14, static_cast<int>(secs / 60 % 60), 2);
  out[16] = ':';
  put(17, static_cast<int>(secs % 60), 2);
  out[19] = 'Z';
  return std::string(out, 20);
}

namespace {
bool digits(std::string_view s, size_t pos, size_t n, int& out) {
  if (pos + n > s.size()) return false;
  out = 0;
  for (size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    out = out * 10 + (s[i] - '0');
  }
  return true;
}

std::optional<date::year_month_day> parse_ymd(std::string_view s) {
  int y, m, d;
  if (s.size() < 10 || !digits(s, 0, 4, y) || s[4] != '-' || !digits(s, 5, 2, m) || s[7] != '-' ||
      !digits(s, 8, 2, d))
    return std::nullopt;
  date::year_month_day ymd{date::year{y}, date::month{static_cast<unsigned>(m)},
                           date::day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) return std::nullopt;
  return ymd;
}

const date::time_zone* zone_or_null(const std::string& zone) {
  try {
    return date::locate_zone(zone);
  } catch (...) {
    return nullptr;
  }
}
}  // namespace

bool valid_date(std::string_view s) { return s.size() == 10 && parse_ymd(s).has_value(); }

bool valid_time_zone(const std::string& zone) { return zone_or_null(zone) != nullptr; }

std::optional<int64_t> parse_iso_time(std::string_view s, const std::string& local_zone) {
  auto ymd = parse_ymd(s);
  if (!ymd) return std::nullopt;
  local_seconds day{local_days{*ymd}.time_since_epoch()};
  if (s.size() == 10) {
    if (local_zone.empty()) return std::nullopt;
    return local_midnight(s, local_zone);
  }
  if (s[10] != 'T' && s[10] != ' ') return std::nullopt;
  int hh, mm, ss = 0;
  if (!digits(s, 11, 2, hh) || s.size() < 16 || s[13] != ':' || !digits(s, 14, 2, mm)) return std::nullopt;
  size_t pos = 16;
  if (pos < s.size() && s[pos] == ':') {
    if (!digits(s, pos + 1, 2, ss)) return std::nullopt;
    pos += 3;
    if (pos < s.size() && (s[pos] == '.' || s[pos] == ',')) {
      ++pos;
      while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') ++pos;
    }
  }
  if (hh > 23 || mm > 59 || ss > 60) return std::nullopt;
  auto local = day + hours{hh} + minutes{mm} + seconds{ss};
  if (pos == s.size()) {
    const auto* z = local_zone.empty() ? nullptr : zone_or_null(local_zone);
    if (!z) return std::nullopt;
    return z->to_sys(local, date::choose::earliest).time_since_epoch().count();
  }
  int offset = 0;
  if (s[pos] == 'Z' || s[pos] == 'z') {
    if (pos + 1 != s.size()) return std::nullopt;
  } else if (s[pos] == '+' || s[pos] == '-') {
    int oh, om = 0;
    if (!digits(s, pos + 1, 2, oh)) return std::nullopt;
    size_t p = pos + 3;
    if (p < s.size() && s[p] == ':') ++p;
    if (p < s.size() && !digits(s, p, 2, om)) return std::nullopt;
    if (p < s.size()) p += 2;
    if (p != s.size() || oh > 23 || om > 59) return std::nullopt;
    offset = (oh * 3600 + om * 60) * (s[pos] == '-' ? -1 : 1);
  } else {
    return std::nullopt;
  }
  return local.time_since_epoch().count() - offset;
}

int64_t local_day_start(int64_t s, const std::string& zone) {
  const auto* z = zone_or_null(zone);
  if (!z) z = date::locate_zone("UTC");
  auto local = z->to_local(sys_seconds{seconds{s}});
  auto day = date::floor<date::days>(local);
  return z->to_sys(local_seconds{day.time_since_epoch()}, date::choose::earliest).time_since_epoch().count();
}

std::string local_date(int64_t s, const std::string& zone) {
  const auto* z = zone_or_null(zone);
  if (!z) z = date::locate_zone("UTC");
  auto local = z->to_local(sys_seconds{seconds{s}});
  return date::format("%F", date::floor<date::days>(local));
}

std::optional<std::string> add_days(std::string_view d, int days) {
  auto ymd = parse_ymd(d);
  if (!ymd || d.size() != 10) return std::nullopt;
  return date::format("%F", local_days{*ymd} + date::days{days});
}

int days_between(std::string_view a, std::string_view b) {
  auto x = parse_ymd(a), y = parse_ymd(b);
  if (!x || !y) return 0;
  return static_cast<int>((local_days{*y} - local_days{*x}).count());
}

std::optional<int64_t> local_midnight(std::string_view d, const std::string& zone) {
  auto ymd = parse_ymd(d);
  const auto* z = zone_or_null(zone);
  if (!ymd || !z) return std::nullopt;
  local_seconds day{local_days{*ymd}.time_since_epoch()};
  return z->to_sys(day, date::choose::earliest).time_since_epoch().count();
}

std::string local_human(int64_t s, const std::string& zone) {
  const auto* z = zone_or_null(zone);
  if (!z) z = date::locate_zone("UTC");
  auto local = z->to_local(sys_seconds{seconds{s}});
  auto day = date::floor<date::days>(local);
  date::year_month_day ymd{day};
  std::string out = date::format("%a ", local);
  out += std::to_string(static_cast<unsigned>(ymd.day()));
  out += date::format(" %b %Y, %H:%M", local);
  return out;
}

std::string local_human(int64_t s, const std::string& zone, std::string_view language) {
  const auto* z = zone_or_null(zone);
  if (!z) z = date::locate_zone("UTC");
  auto local = z->to_local(sys_seconds{seconds{s}});
  auto day = date::floor<date::days>(local);
  date::year_month_day ymd{day};
  auto weekdays = message_list(language, "date.weekdays");
  auto months = message_list(language, "date.months");
  return message(language, "date.human",
                 {{"weekday", weekdays.at(date::weekday{day}.c_encoding())},
                  {"day", std::to_string(static_cast<unsigned>(ymd.day()))},
                  {"month", months.at(static_cast<unsigned>(ymd.month()) - 1)},
                  {"year", std::to_string(static_cast<int>(ymd.year()))},
                  {"time", date::format("%H:%M", local)}});
}

}  // namespace bo
