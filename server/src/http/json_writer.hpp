#pragma once
// Writes JSON text straight into a string, for answers built often (the order detail), where building a
// document of nodes first costs more than the rest of the request.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/states.hpp"

namespace bo::http {

class JsonWriter {
 public:
  JsonWriter() { out_.reserve(4096); }
  JsonWriter& object();
  JsonWriter& array();
  JsonWriter& end();  // closes the innermost object or array
  JsonWriter& key(std::string_view k);
  JsonWriter& str(std::string_view s);
  JsonWriter& num(int64_t n);
  JsonWriter& boolean(bool b);
  JsonWriter& null();
  JsonWriter& opt(const std::optional<std::string>& s) { return s ? str(*s) : null(); }
  JsonWriter& time(std::optional<int64_t> seconds);  // ISO 8601 UTC or null
  JsonWriter& strings(const std::vector<std::string>& v);
  JsonWriter& string_map(const std::map<std::string, std::string>& m);
  JsonWriter& ids(const std::vector<int64_t>& v);
  // key + value in one call
  template <class T> JsonWriter& field(std::string_view k, const T& v) {
    key(k);
    return put(v);
  }
  std::string take() { return std::move(out_); }

 private:
  JsonWriter& put(std::string_view s) { return str(s); }
  JsonWriter& put(const std::string& s) { return str(s); }
  JsonWriter& put(const char* s) { return str(s); }
  JsonWriter& put(bool b) { return boolean(b); }
  template <domain::State E> JsonWriter& put(E e) { return str(domain::to_string(e)); }
  JsonWriter& put(int64_t n) { return num(n); }
  JsonWriter& put(int n) { return num(n); }
  JsonWriter& put(const std::optional<std::string>& s) { return opt(s); }
  void comma();
  std::string out_;
  struct Level {
    char close;
    bool first;  // nothing written in it yet
  };
  std::vector<Level> open_;
  bool after_key_ = false;
};

}  // namespace bo::http
