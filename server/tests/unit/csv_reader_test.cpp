// Quoting, line numbering, encoding and error-recovery behaviour of bo::csv::Reader.
#include "imports/csv_reader.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

using bo::csv::Error;
using bo::csv::Reader;
using bo::csv::Record;
using Fields = std::vector<std::string>;

struct Row {
  Fields fields;
  std::size_t line;
  Error error;
  std::size_t error_field;
};

std::vector<Row> read_all(std::string_view input) {
  Reader reader(input);
  Record record;
  std::vector<Row> rows;
  std::size_t last_position = reader.position();
  while (reader.next(record)) {
    EXPECT_GT(reader.position(), last_position);
    last_position = reader.position();
    rows.push_back({Fields(record.fields().begin(), record.fields().end()), record.line(),
                    record.error(), record.error_field()});
  }
  EXPECT_EQ(reader.position(), input.size());
  return rows;
}

bool points_into(std::string_view field, std::string_view input) {
  return field.data() >= input.data() && field.data() + field.size() <= input.data() + input.size();
}

TEST(CsvReader, SimpleRecords) {
  const auto rows = read_all("id,name,qty\n1,Alice,2\n2,Bob,3\n");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].fields, (Fields{"id", "name", "qty"}));
  EXPECT_EQ(rows[2].fields, (Fields{"2", "Bob", "3"}));
  for (std::size_t i = 0; i < rows.size(); ++i) {
    EXPECT_EQ(rows[i].line, i + 1);
    EXPECT_EQ(rows[i].error, Error::none);
    EXPECT_EQ(rows[i].error_field, 0u);
  }
}

TEST(CsvReader, QuotedFieldWithDelimiter) {
  const auto rows = read_all("a,b\n\"Smith, John\",x\n");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[1].fields, (Fields{"Smith, John", "x"}));
}

TEST(CsvReader, DoubledQuotesAreUnescaped) {
  const auto rows = read_all("a,b\n\"say \"\"hi\"\"\",\"\"\"\"\n");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[1].fields, (Fields{"say \"hi\"", "\""}));
}

TEST(CsvReader, PlainFieldsAreViewsIntoInputAndEscapedOnesAreOwned) {
  const std::string input = "plain,\"quoted\",\"es\"\"caped\"\n";
  Reader reader(input);
  Record record;
  ASSERT_TRUE(reader.next(record));
  ASSERT_EQ(record.size(), 3u);
  EXPECT_TRUE(points_into(record[0], input));
  EXPECT_TRUE(points_into(record[1], input));
  EXPECT_FALSE(points_into(record[2], input));
  EXPECT_EQ(record[2], "es\"caped");
}

TEST(CsvReader, RecordBuffersAreReusedAndSurviveMove) {
  const std::string input = "\"a\"\"1\",\"b\"\"2\"\nplain,\"c\"\"3\"\n";
  Reader reader(input);
  Record record;
  ASSERT_TRUE(reader.next(record));
  EXPECT_EQ(record.fields(), (std::vector<std::string_view>{"a\"1", "b\"2"}));
  ASSERT_TRUE(reader.next(record));
  Record moved = std::move(record);
  EXPECT_EQ(moved.fields(), (std::vector<std::string_view>{"plain", "c\"3"}));
  EXPECT_FALSE(reader.next(moved));
}

TEST(CsvReader, NewlineInsideQuotesShiftsLineNumbers) {
  const auto rows = read_all("note,n\n\"first\nsecond\r\nthird\",1\nnext,2\n\nlast,3\n");
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[1].fields, (Fields{"first\nsecond\r\nthird", "1"}));
  EXPECT_EQ(rows[1].line, 2u);
  EXPECT_EQ(rows[2].line, 5u);
  EXPECT_EQ(rows[3].line, 7u);
}

TEST(CsvReader, CrLfLfAndLoneCrAreEquivalent) {
  const Fields header{"a", "b"}, body{"1", "2"};
  for (std::string_view input : {"a,b\r\n1,2\r\n", "a,b\n1,2\n", "a,b\r1,2\r", "a,b\r\n1,2"}) {
    const auto rows = read_all(input);
    ASSERT_EQ(rows.size(), 2u) << input;
    EXPECT_EQ(rows[0].fields, header);
    EXPECT_EQ(rows[1].fields, body);
    EXPECT_EQ(rows[1].line, 2u);
  }
}

TEST(CsvReader, ByteOrderMarkIsStripped) {
  const std::string input = "\xEF\xBB\xBFname;city\nZoë;Köln\n";
  Reader reader(input);
  EXPECT_EQ(reader.position(), 3u);
  EXPECT_EQ(reader.size(), input.size());
  EXPECT_EQ(reader.delimiter(), ';');
  Record record;
  ASSERT_TRUE(reader.next(record));
  EXPECT_EQ(record[0], "name");
  EXPECT_EQ(record.line(), 1u);
  ASSERT_TRUE(reader.next(record));
  EXPECT_TRUE(record.ok());
  EXPECT_EQ(record[1], "Köln");
}

TEST(CsvReader, DelimiterDetectedFromHeaderLine) {
  using bo::csv::detect_delimiter;
  EXPECT_EQ(detect_delimiter("a;b;c\n1,5;2,5;3\n"), ';');
  EXPECT_EQ(detect_delimiter("a,b;c,d\n"), ',');
  EXPECT_EQ(detect_delimiter("a;b,c\n"), ',');
  EXPECT_EQ(detect_delimiter("\"x,y,z\";b\n"), ';');
  EXPECT_EQ(detect_delimiter("\n\na;b\n"), ';');
  EXPECT_EQ(detect_delimiter("single\n1;2;3\n"), ',');
  EXPECT_EQ(detect_delimiter(""), ',');

  const auto rows = read_all("price;label\n1,50;\"a;b\"\n");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[1].fields, (Fields{"1,50", "a;b"}));
}

TEST(CsvReader, ExplicitDelimiter) {
  Reader reader("a\tb,c\n", '\t');
  Record record;
  ASSERT_TRUE(reader.next(record));
  EXPECT_EQ(record.fields(), (std::vector<std::string_view>{"a", "b,c"}));
}

TEST(CsvReader, EmptyFields) {
  const auto rows = read_all("a,,c\n,,\n\"\",x\n\"\"\n");
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[0].fields, (Fields{"a", "", "c"}));
  EXPECT_EQ(rows[1].fields, (Fields{"", "", ""}));
  EXPECT_EQ(rows[2].fields, (Fields{"", "x"}));
  EXPECT_EQ(rows[3].fields, (Fields{""}));
}

TEST(CsvReader, TrailingDelimiterGivesEmptyLastField) {
  const auto rows = read_all("a,b,\n1,2,\n3,4,");
  ASSERT_EQ(rows.size(), 3u);
  for (const auto& row : rows) EXPECT_EQ(row.fields.size(), 3u);
  EXPECT_EQ(rows[2].fields, (Fields{"3", "4", ""}));
}

TEST(CsvReader, NoTrailingNewline) {
  const auto rows = read_all("a,b\n1,\"2\"");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[1].fields, (Fields{"1", "2"}));
}

TEST(CsvReader, BlankLinesAreSkippedButCounted) {
  const auto rows = read_all("\n\r\na,b\n\n\n1,2\r\n\r\n3,4\n\n\n");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].line, 3u);
  EXPECT_EQ(rows[1].line, 6u);
  EXPECT_EQ(rows[2].line, 8u);
  EXPECT_TRUE(read_all("").empty());
  EXPECT_TRUE(read_all("\n\r\n\r").empty());
}

TEST(CsvReader, ValidMultibyteUtf8IsAccepted) {
  const auto rows = read_all("a,b,c,d\né,€,😀,\"日本\"\"語\"\n");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[1].error, Error::none);
  EXPECT_EQ(rows[1].fields, (Fields{"é", "€", "😀", "日本\"語"}));
}

TEST(CsvReader, InvalidUtf8IsReportedWithFieldIndex) {
  struct Case {
    const char* name;
    std::string bytes;
  };
  const std::vector<Case> cases{
      {"overlong two-byte", "\xC0\xAF"},
      {"overlong three-byte", "\xE0\x80\xAF"},
      {"overlong four-byte", "\xF0\x80\x80\xAF"},
      {"truncated at end of field", "ab\xE2\x82"},
      {"truncated before ascii", "\xE2\x82z"},
      {"lone continuation byte", "x\x80y"},
      {"surrogate", "\xED\xA0\x80"},
      {"above U+10FFFF", "\xF4\x90\x80\x80"},
      {"invalid lead byte", "\xFF"},
  };
  for (const auto& c : cases) {
    const std::string input = "a,b,c\nok,\"" + c.bytes + "\",tail\n1,x" + c.bytes + ",3\nafter,2,3\n";
    const auto rows = read_all(input);
    ASSERT_EQ(rows.size(), 4u) << c.name;
    EXPECT_EQ(rows[1].error, Error::invalid_utf8) << c.name;
    EXPECT_EQ(rows[1].error_field, 2u) << c.name;
    EXPECT_EQ(rows[1].fields.size(), 3u) << c.name;
    EXPECT_EQ(rows[2].error, Error::invalid_utf8) << c.name;
    EXPECT_EQ(rows[2].error_field, 2u) << c.name;
    EXPECT_EQ(rows[2].line, 3u) << c.name;
    EXPECT_EQ(rows[3].error, Error::none) << c.name;
    EXPECT_EQ(rows[3].fields, (Fields{"after", "2", "3"})) << c.name;
  }
}

TEST(CsvReader, FirstInvalidUtf8FieldIsReported) {
  const auto rows = read_all("ok,\x80,\xFF\n");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].error_field, 2u);
  EXPECT_EQ(bo::csv::message(rows[0].error), "invalid UTF-8");
}

TEST(CsvReader, UnterminatedQuoteResumesAfterItsLine) {
  const auto rows = read_all("a,b\n1,\"open\n2,x\n3,y");
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[1].error, Error::unterminated_quote);
  EXPECT_EQ(rows[1].error_field, 2u);
  EXPECT_EQ(rows[1].line, 2u);
  EXPECT_EQ(rows[1].fields, (Fields{"1"}));
  EXPECT_EQ(rows[2].fields, (Fields{"2", "x"}));
  EXPECT_EQ(rows[2].line, 3u);
  EXPECT_EQ(rows[3].fields, (Fields{"3", "y"}));
  EXPECT_EQ(rows[3].line, 4u);
}

TEST(CsvReader, UnterminatedQuoteOnLastLine) {
  const auto rows = read_all("a,b\n\"x\"\"");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[1].error, Error::unterminated_quote);
  EXPECT_EQ(rows[1].error_field, 1u);
}

TEST(CsvReader, StrayQuoteInUnquotedField) {
  const auto rows = read_all("a,b,c\n1,5\" screen,x\n2,y,z\n");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[1].error, Error::stray_quote);
  EXPECT_EQ(rows[1].error_field, 2u);
  EXPECT_EQ(rows[1].line, 2u);
  EXPECT_EQ(rows[2].fields, (Fields{"2", "y", "z"}));
  EXPECT_EQ(rows[2].line, 3u);
}

TEST(CsvReader, TextAfterClosingQuote) {
  const auto rows = read_all("a,b\n\"x\"y,1\n\"x\" ,2\nok,3\n");
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[1].error, Error::text_after_quote);
  EXPECT_EQ(rows[1].error_field, 1u);
  EXPECT_EQ(rows[2].error, Error::text_after_quote);
  EXPECT_EQ(rows[3].fields, (Fields{"ok", "3"}));
  EXPECT_EQ(rows[3].line, 4u);
}

TEST(CsvReader, ResynchronisesAfterErrorsInsideMultilineRecords) {
  const std::string input =
      "id,text\n"
      "1,\"two\nlines\"junk,more\n"
      "2,fine\n"
      "3,bad\"quote\n"
      "\n"
      "4,\"multi\nline\"\n"
      "5,\"never closed\n"
      "6,last\n";
  const auto rows = read_all(input);
  ASSERT_EQ(rows.size(), 7u);
  EXPECT_EQ(rows[1].line, 2u);
  EXPECT_EQ(rows[1].error, Error::text_after_quote);
  EXPECT_EQ(rows[1].error_field, 2u);
  EXPECT_EQ(rows[2].fields, (Fields{"2", "fine"}));
  EXPECT_EQ(rows[2].line, 4u);
  EXPECT_EQ(rows[3].error, Error::stray_quote);
  EXPECT_EQ(rows[3].line, 5u);
  EXPECT_EQ(rows[4].fields, (Fields{"4", "multi\nline"}));
  EXPECT_EQ(rows[4].line, 7u);
  EXPECT_EQ(rows[5].error, Error::unterminated_quote);
  EXPECT_EQ(rows[5].line, 9u);
  EXPECT_EQ(rows[6].fields, (Fields{"6", "last"}));
  EXPECT_EQ(rows[6].line, 10u);
  EXPECT_EQ(rows[6].error, Error::none);
}

TEST(CsvReader, ErrorMessagesAreShortEnglish) {
  for (Error e : {Error::unterminated_quote, Error::stray_quote, Error::text_after_quote,
                  Error::invalid_utf8}) {
    const auto text = bo::csv::message(e);
    EXPECT_FALSE(text.empty());
    EXPECT_LT(text.size(), 60u);
  }
  EXPECT_TRUE(bo::csv::message(Error::none).empty());
}

TEST(CsvReader, NormalizeHeader) {
  using bo::csv::normalize_header;
  EXPECT_EQ(normalize_header("  Order ID \t"), "order id");
  EXPECT_EQ(normalize_header("EMAIL"), "email");
  EXPECT_EQ(normalize_header("Straße"), "straße");
  EXPECT_EQ(normalize_header("   "), "");
  EXPECT_EQ(normalize_header(""), "");
}

TEST(CsvReader, PositionTracksProgress) {
  const std::string input = "a,b\n1,2\n";
  Reader reader(input);
  Record record;
  EXPECT_EQ(reader.position(), 0u);
  ASSERT_TRUE(reader.next(record));
  EXPECT_EQ(reader.position(), 4u);
  ASSERT_TRUE(reader.next(record));
  EXPECT_EQ(reader.position(), input.size());
  EXPECT_FALSE(reader.next(record));
  EXPECT_EQ(reader.position(), input.size());
}

TEST(CsvReader, ManyGeneratedRows) {
  constexpr std::size_t rows = 200'000;
  std::string input = "order_id;customer;note;amount;paid\r\n";
  for (std::size_t i = 0; i < rows; ++i) {
    input += std::to_string(i) + ";\"Müller; Hans\";";
    input += (i % 10 == 0) ? "\"says \"\"hi\"\"\nthere\"" : "plain";
    input += ";" + std::to_string(i % 997) + ",50;" + (i % 2 ? "yes" : "") + "\r\n";
  }
  Reader reader(input);
  ASSERT_EQ(reader.delimiter(), ';');
  Record record;
  std::size_t count = 0, fields = 0, notes = 0, amount_sum = 0, expected_line = 1;
  while (reader.next(record)) {
    ASSERT_TRUE(record.ok()) << record.line();
    ASSERT_EQ(record.line(), expected_line);
    fields += record.size();
    if (count > 0) {
      const std::size_t id = count - 1;
      ASSERT_EQ(record[0], std::to_string(id));
      ASSERT_EQ(record[1], "Müller; Hans");
      if (record[2] == "says \"hi\"\nthere") ++notes;
      amount_sum += std::stoul(std::string(record[3]));
      expected_line += (id % 10 == 0) ? 2 : 1;
    } else {
      expected_line = 2;
    }
    ++count;
  }
  EXPECT_EQ(count, rows + 1);
  EXPECT_EQ(fields, (rows + 1) * 5);
  EXPECT_EQ(notes, rows / 10);
  std::size_t expected_sum = 0;
  for (std::size_t i = 0; i < rows; ++i) expected_sum += i % 997;
  EXPECT_EQ(amount_sum, expected_sum);
  EXPECT_EQ(reader.position(), input.size());
}

}  // namespace
