#pragma once
// The one mapping from error codes to HTTP statuses, and the error body of SPEC §8.
#include "common/error.hpp"
#include "http/api.hpp"

namespace bo::http {
int status_for(const std::string& code);
Response error_response(const Error& e);
Response error_response(const std::string& code, const std::string& message, int status = 0);

}  // namespace bo::http
