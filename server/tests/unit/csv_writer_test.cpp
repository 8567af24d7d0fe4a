#include <gtest/gtest.h>

#include "http/csv_writer.hpp"

using bo::http::csv_number;
using bo::http::CsvWriter;
using bo::http::neutralise_csv_text;

TEST(CsvNeutralise, PrefixesEveryFormulaStart) {
  EXPECT_EQ(neutralise_csv_text("=HYPERLINK(\"http://x\")"), "'=HYPERLINK(\"http://x\")");
  EXPECT_EQ(neutralise_csv_text("+31 6 1234"), "'+31 6 1234");
  EXPECT_EQ(neutralise_csv_text("-2+3"), "'-2+3");
  EXPECT_EQ(neutralise_csv_text("-12.50"), "'-12.50");
  EXPECT_EQ(neutralise_csv_text("@SUM(A1:A9)"), "'@SUM(A1:A9)");
  EXPECT_EQ(neutralise_csv_text("\tcmd"), "'\tcmd");
  EXPECT_EQ(neutralise_csv_text("\rcmd"), "'\rcmd");
}

TEST(CsvNeutralise, LeavesOrdinaryTextAlone) {
  EXPECT_EQ(neutralise_csv_text(""), "");
  EXPECT_EQ(neutralise_csv_text("Ann de Vries"), "Ann de Vries");
  EXPECT_EQ(neutralise_csv_text("a=b"), "a=b");
  EXPECT_EQ(neutralise_csv_text(" =1"), " =1");
}

TEST(CsvWriter, TextCellsAreNeutralisedAndQuoted) {
  CsvWriter w;
  w.row({"=1+2", "-2+3", "@x", "plain", "a,b"});
  EXPECT_EQ(w.take(), "\"'=1+2\",\"'-2+3\",\"'@x\",plain,\"a,b\"\r\n");
}

TEST(CsvWriter, NumbersWeFormatStayNumbers) {
  CsvWriter w;
  std::string refund = "-12.50", count = "3";
  w.row({csv_number(refund), csv_number(count), refund});
  EXPECT_EQ(w.take(), "-12.50,3,\"'-12.50\"\r\n");
}

TEST(CsvWriter, ANumberCellThatIsNotANumberIsText) {
  CsvWriter w;
  std::string not_a_number = "-1+HYPERLINK()", half = "-1.", dots = "1.2.3";
  w.row({csv_number(not_a_number), csv_number(half), csv_number(dots)});
  EXPECT_EQ(w.take(), "\"'-1+HYPERLINK()\",\"'-1.\",1.2.3\r\n");
}
