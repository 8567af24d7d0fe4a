#pragma once
// A way to deliver rendered messages. Implementations report failures in SendResult rather than
// throwing; `permanent` means retrying the same message cannot succeed.
#include <string>

#include "mail/message.hpp"

namespace bo::mail {

struct SendResult {
  bool ok = false;
  bool permanent = false;  // false on failure: try again later
  std::string error;       // human-readable reason, free of credentials
};

class Transport {
 public:
  virtual ~Transport() = default;
  // Renders and delivers; a message that cannot be rendered is a permanent failure.
  virtual SendResult send(const Message& message);
  // Delivers bytes rendered earlier, e.g. kept so that a retry sends exactly the same message.
  virtual SendResult deliver(const RenderedMessage& message) = 0;
};

}  // namespace bo::mail
