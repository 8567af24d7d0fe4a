#pragma once
// UTC seconds since the Unix epoch, ISO 8601 text, and organisation-local calendar days.
#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace bo {

int64_t now_seconds();

// The source of "now" for services; tests may substitute a fixed or shifted clock.
class Clock {
 public:
  virtual ~Clock() = default;
  virtual int64_t now() const { return now_seconds(); }
};

// "Now" read from a file that holds UTC seconds, read again at every call: tests stop and move time
// (BOXOFFICE_TEST_CLOCK_FILE) instead of waiting for it. Keeps the last readable value while the file is
// being replaced.
class FileClock : public Clock {
 public:
  explicit FileClock(std::string path);
  int64_t now() const override;

 private:
  std::string path_;
  mutable std::atomic<int64_t> last_;
};

// "2026-07-04T18:00:00Z"
std::string iso_utc(int64_t seconds);
// Accepts "YYYY-MM-DDTHH:MM[:SS[.fff]](Z|±HH:MM)" and, when `local_zone` is given, a time without
// offset or a bare date ("YYYY-MM-DD", midnight) in that zone. nullopt when malformed.
std::optional<int64_t> parse_iso_time(std::string_view s, const std::string& local_zone = "");
// True for a real calendar date "YYYY-MM-DD".
bool valid_date(std::string_view s);
// Start of the local day containing `seconds` in `zone` (IANA name), as UTC seconds.
int64_t local_day_start(int64_t seconds, const std::string& zone);
// "YYYY-MM-DD" of `seconds` in `zone`.
std::string local_date(int64_t seconds, const std::string& zone);
// The calendar date `days` after (or before) "YYYY-MM-DD"; nullopt when the date is malformed.
std::optional<std::string> add_days(std::string_view date, int days);
// Days from `a` to `b` ("YYYY-MM-DD" both, valid).
int days_between(std::string_view a, std::string_view b);
// UTC seconds of local midnight of the date "YYYY-MM-DD" in `zone`.
std::optional<int64_t> local_midnight(std::string_view date, const std::string& zone);
// Human form in `zone`, e.g. "Sat 4 Jul 2027, 14:00".
std::string local_human(int64_t seconds, const std::string& zone);
// The same as a customer reads it in `language` (common/messages): "Sat 4 Jul 2026, 18:00",
// "zaterdag 4 juli 2026 om 18:00".
std::string local_human(int64_t seconds, const std::string& zone, std::string_view language);
bool valid_time_zone(const std::string& zone);

}  // namespace bo
