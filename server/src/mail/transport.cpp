#include "mail/transport.hpp"

#include <stdexcept>

namespace bo::mail {

SendResult Transport::send(const Message& message) {
  RenderedMessage rendered;
  try {
    rendered = render(message);
  } catch (const std::invalid_argument& e) {
    return {false, true, e.what()};
  }
  return deliver(rendered);
}

}  // namespace bo::mail
