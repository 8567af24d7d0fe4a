#include "common/utf8.hpp"

#include <gtest/gtest.h>

using namespace bo;

TEST(Utf8, SequenceLengthsAndMalformedBytes) {
  const std::string text = "a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x8E\xAB";  // a é € 🎫
  EXPECT_EQ(utf8_sequence_length(text, 0), 1u);
  EXPECT_EQ(utf8_sequence_length(text, 1), 2u);
  EXPECT_EQ(utf8_sequence_length(text, 3), 3u);
  EXPECT_EQ(utf8_sequence_length(text, 6), 4u);
  EXPECT_EQ(utf8_sequence_length(text, 2), 0u);  // a continuation byte starts nothing
  for (std::string bad : {"\xC0\xAF", "\xE0\x80\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xE2\x82", "\xFF"}) {
    EXPECT_EQ(utf8_sequence_length(bad, 0), 0u);
    EXPECT_FALSE(valid_utf8(bad));
  }
  EXPECT_TRUE(valid_utf8(text));
}

TEST(Utf8, TruncateNeverSplitsACharacter) {
  const std::string text = "ab\xE2\x82\xAC" "cd";  // ab€cd
  for (size_t max = 0; max <= text.size() + 1; ++max) {
    std::string cut = text;
    utf8_truncate(cut, max);
    EXPECT_LE(cut.size(), max);
    EXPECT_TRUE(valid_utf8(cut)) << max;
    EXPECT_EQ(text.compare(0, cut.size(), cut), 0);
  }
  std::string cut = text;
  utf8_truncate(cut, 4);
  EXPECT_EQ(cut, "ab");
}
