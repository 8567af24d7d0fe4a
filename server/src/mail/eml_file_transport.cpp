#include "mail/eml_file_transport.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

#include <fmt/format.h>
#include <sodium.h>

namespace bo::mail {
namespace {

std::string errno_text(std::string_view action) {
  return fmt::format("{}: {}", action, std::strerror(errno));
}

std::string random_suffix() {
  return fmt::format("{:08x}", randombytes_random());
}

bool write_all(int fd, std::string_view data) {
  while (!data.empty()) {
    const ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    data.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

class EmlFileTransport final : public Transport {
 public:
  explicit EmlFileTransport(std::filesystem::path dir) : dir_(std::move(dir)) {}

  SendResult deliver(const RenderedMessage& message) override {
    std::error_code ec;
    std::filesystem::create_directories(dir_, ec);
    if (ec) return {false, false, fmt::format("cannot create {}: {}", dir_.string(), ec.message())};

    const std::string name = eml_file_name(message.message_id);
    const std::filesystem::path target = dir_ / name;
    const std::filesystem::path temporary = dir_ / fmt::format(".{}.{}.tmp", name, random_suffix());

    const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0640);
    if (fd < 0) return {false, false, errno_text("cannot create " + temporary.string())};
    std::string error;
    if (!write_all(fd, message.data)) error = errno_text("cannot write " + temporary.string());
    else if (::fsync(fd) != 0) error = errno_text("cannot flush " + temporary.string());
    if (::close(fd) != 0 && error.empty()) error = errno_text("cannot close " + temporary.string());
    if (error.empty() && ::rename(temporary.c_str(), target.c_str()) != 0)
      error = errno_text("cannot rename to " + target.string());
    if (!error.empty()) {
      ::unlink(temporary.c_str());
      return {false, false, error};
    }
    if (const int dir_fd = ::open(dir_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dir_fd >= 0) {
      ::fsync(dir_fd);
      ::close(dir_fd);
    }
    return {true, false, {}};
  }

 private:
  std::filesystem::path dir_;
};

}  // namespace

std::unique_ptr<Transport> make_eml_file_transport(const std::filesystem::path& dir) {
  if (sodium_init() < 0) throw std::runtime_error("mail: libsodium could not be initialised");
  return std::make_unique<EmlFileTransport>(dir);
}

std::string eml_file_name(std::string_view message_id) {
  constexpr std::size_t max_stem = 200;
  std::string stem;
  for (const char c : message_id.substr(0, max_stem)) {
    const bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      std::string_view("._@+=-").find(c) != std::string_view::npos;
    stem += keep ? c : '_';
  }
  if (stem.empty() || stem.front() == '.') stem.insert(stem.begin(), '_');
  return stem + ".eml";
}

}  // namespace bo::mail
