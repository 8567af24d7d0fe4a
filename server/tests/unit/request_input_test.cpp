// What comes from outside before a handler reads it: JSON nesting, query strings, routes by request line.
#include <gtest/gtest.h>

#include "common/error.hpp"
#include "common/json_input.hpp"
#include "http/query_string.hpp"
#include "http/route_table.hpp"

namespace bo {
namespace {
std::string nested(int depth) { return std::string(depth, '[') + std::string(depth, ']'); }

std::string query_error(std::string_view q) {
  try {
    http::parse_query_string(q);
  } catch (const Error& e) {
    EXPECT_EQ(e.code, "invalid_query");
    return e.what();
  }
  return "";
}
}  // namespace

TEST(JsonInput, NestingUpToTheLimitIsReadAndDeeperIsRefused) {
  EXPECT_TRUE(parse_json_input(nested(32)));
  EXPECT_FALSE(parse_json_input(nested(33)));
  EXPECT_FALSE(parse_json_input("{\"a\":" + nested(200000) + "}"));
  EXPECT_FALSE(parse_json_input("{\"a\":1"));
  auto j = parse_json_input(R"({"a":{"b":[1,2,{"c":"d"}]}})");
  ASSERT_TRUE(j);
  EXPECT_EQ((*j)["a"]["b"][2]["c"], "d");
}

TEST(QueryString, ReadsRfc3986QueriesWithFormEncoding) {
  auto q = http::parse_query_string("q=ann@example.com&from=2026-01-01T10:00:00%2B01:00&path=/a/b?c&name=Zo%C3%AB+de+Vries");
  EXPECT_EQ(q.at("q"), "ann@example.com");
  EXPECT_EQ(q.at("from"), "2026-01-01T10:00:00+01:00");
  EXPECT_EQ(q.at("path"), "/a/b?c");
  EXPECT_EQ(q.at("name"), "Zoë de Vries");
  EXPECT_EQ(http::parse_query_string("").size(), 0u);
  EXPECT_EQ(http::parse_query_string("a=&&b").size(), 2u);
  EXPECT_EQ(http::parse_query_string("a=b=c").at("a"), "b=c");
}

TEST(QueryString, RefusesWhatCannotBeReadNamingTheParameter) {
  EXPECT_NE(query_error("q=%zz").find("q"), std::string::npos);
  EXPECT_NE(query_error("q=%4").find("q"), std::string::npos);
  EXPECT_NE(query_error("q=%C3%28").find("q"), std::string::npos);  // not UTF-8
  EXPECT_NE(query_error("q=a b").find("q"), std::string::npos);     // a raw space
  EXPECT_NE(query_error("q=<x>").find("q"), std::string::npos);
  EXPECT_NE(query_error("status=paid&status=refunded").find("more than once"), std::string::npos);
  EXPECT_FALSE(query_error("=x").empty());
}

TEST(RouteTable, FindsTheRouteOfARequestLine) {
  http::Routes routes;
  auto none = [](http::Call&) { return http::Response::no_content(); };
  routes.add("GET", "/api/v1/orders", none);
  routes.add("GET", "/api/v1/orders/:number", none);
  routes.add("POST", "/api/v1/orders/:number/refunds", none, true, 1234);
  http::RouteTable table(routes);
  auto* refunds = table.find("POST", "/api/v1/orders/D-1/refunds?x=1");
  ASSERT_TRUE(refunds);
  EXPECT_EQ(refunds->max_body, 1234u);
  EXPECT_EQ(http::RouteTable::params(*refunds, "/api/v1/orders/D-1/refunds").at("number"), "D-1");
  EXPECT_EQ(table.find("GET", "/api/v1/orders?q=a"), &routes.list[0]);
  EXPECT_EQ(table.find("GET", "/api/v1/orders/D-1"), &routes.list[1]);
  EXPECT_FALSE(table.find("POST", "/api/v1/orders/D-1"));
  EXPECT_FALSE(table.find("GET", "/api/v1/orders//refunds"));
  EXPECT_FALSE(table.find("GET", "/index.html"));
  EXPECT_FALSE(table.find("GET", "*"));
}
}  // namespace bo
