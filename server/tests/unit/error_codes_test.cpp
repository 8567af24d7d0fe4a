// Every error code the server can answer with has its HTTP status in http/errors.cpp; a code missing
// from that table would be answered as 500.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "domain/actions.hpp"
#include "http/errors.hpp"

namespace {
std::set<std::string> codes_in_source() {
  const std::regex thrown(R"re(\b(?:Error|error_response|RateLimited)\("([a-z_]+)")re");
  std::set<std::string> codes;
  for (const auto& e : std::filesystem::recursive_directory_iterator(BOXOFFICE_SOURCE_DIR "/server/src")) {
    if (e.path().extension() != ".cpp" && e.path().extension() != ".hpp") continue;
    std::ifstream in(e.path());
    std::stringstream text;
    text << in.rdbuf();
    const std::string s = text.str();
    for (std::sregex_iterator it(s.begin(), s.end(), thrown), end; it != end; ++it) codes.insert((*it)[1]);
  }
  return codes;
}
}  // namespace

TEST(ErrorCodes, EveryCodeThrownInTheSourceHasAStatus) {
  auto codes = codes_in_source();
  ASSERT_GT(codes.size(), 30u);
  for (const auto& code : codes) EXPECT_TRUE(bo::http::known_status(code)) << code;
}

TEST(ErrorCodes, EveryActionReasonIsAConflictOrForbidden) {
  for (auto code : bo::domain::reason_codes()) {
    auto status = bo::http::known_status(code);
    ASSERT_TRUE(status) << code;
    EXPECT_TRUE(*status == 409 || *status == 403) << code;
  }
}

TEST(ErrorCodes, AnUnknownCodeIsAnInternalError) {
  EXPECT_FALSE(bo::http::known_status("made_up_code"));
  EXPECT_EQ(bo::http::status_for("made_up_code"), 500);
  EXPECT_EQ(bo::http::status_for("order_changed"), 409);
}
