#pragma once
// What a customer reads, in their language: the texts of server/messages/<language>.json (compiled in),
// with {name} placeholders. A language is one such file; domain/languages.hpp lists the ones offered.
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace bo {

// The text of `key` in `language`; in English when the language has no file. Throws std::out_of_range
// for a key no file has (the unit tests check that every file has every key).
const std::string& message(std::string_view language, std::string_view key);
// The same with {name} replaced from `values` (unknown names stay as they are).
std::string message(std::string_view language, std::string_view key, const std::map<std::string, std::string>& values);
// Whether `language` (or English, for a language without file) has `key`.
bool has_message(std::string_view language, std::string_view key);
// A text that lists values separated by '|' (e.g. the month names), split.
std::vector<std::string> message_list(std::string_view language, std::string_view key);
// Every language with a file, and the keys of one.
std::vector<std::string> message_languages();
std::vector<std::string> message_keys(std::string_view language);

}  // namespace bo
