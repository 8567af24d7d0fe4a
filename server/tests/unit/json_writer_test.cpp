#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "http/json_writer.hpp"

using bo::http::JsonWriter;

TEST(JsonWriter, WritesNestedObjectsAndArraysWithCommas) {
  JsonWriter w;
  w.object().field("n", int64_t{-12}).field("ok", true).key("none").null();
  w.key("list").array().str("a").num(1).object().end().end();
  w.key("map").string_map({{"b", "2"}, {"a", "1"}}).key("at").time(0).key("never").time(std::nullopt).end();
  EXPECT_EQ(w.take(),
            R"({"n":-12,"ok":true,"none":null,"list":["a",1,{}],"map":{"a":"1","b":"2"},)"
            R"("at":"1970-01-01T00:00:00Z","never":null})");
}

TEST(JsonWriter, EscapesLikeTheJsonLibraryAndReplacesBrokenUtf8) {
  std::string text = "quote \" slash \\ tab \t line \n bell \x07 euro \xE2\x82\xAC broken \xC3 end";
  JsonWriter w;
  w.str(text);
  auto out = w.take();
  EXPECT_EQ(out, R"("quote \" slash \\ tab \t line \n bell \u0007 euro )" "\xE2\x82\xAC" R"( broken )" "\xEF\xBF\xBD"
                 R"( end")");
  auto library = nlohmann::json(text).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  EXPECT_EQ(nlohmann::json::parse(out), nlohmann::json::parse(library));
}
