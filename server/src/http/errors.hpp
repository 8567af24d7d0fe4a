#pragma once
// The one mapping from error codes to HTTP statuses, and the error body of SPEC §8.
#include "common/error.hpp"
#include "http/api.hpp"

namespace bo::http {
// The status of a known code; nullopt for a code missing from the table (a bug: answered as 500).
std::optional<int> known_status(std::string_view code);
int status_for(const std::string& code);
// A rule's refusal (a reason code) is worded in `language`.
Response error_response(const Error& e, std::string_view language = "en");
Response error_response(const std::string& code, const std::string& message, int status = 0);

}  // namespace bo::http
