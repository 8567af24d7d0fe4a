#pragma once
// Delivery into a directory as <sanitised message id>.eml (for development and archiving).
// Files appear atomically: written to a hidden temporary file, flushed, then renamed; a failed
// write leaves nothing behind. Delivering the same message id again replaces the file.
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "mail/transport.hpp"

namespace bo::mail {

// The directory is created on first delivery if missing.
std::unique_ptr<Transport> make_eml_file_transport(const std::filesystem::path& dir);

// "42.abc@boxoffice" -> "42.abc@boxoffice.eml": characters outside [A-Za-z0-9._@+=-] become '_',
// a leading '.' gets a '_' in front, and the name is kept short.
std::string eml_file_name(std::string_view message_id);

}  // namespace bo::mail
