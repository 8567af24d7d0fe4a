#pragma once
// The built-in `demo` provider: behaves like a real one without a network. A refund is accepted as
// pending; asked again later (as the refund worker does), it has succeeded.
#include <memory>

#include "payments/provider.hpp"

namespace bo::payments {
std::unique_ptr<PaymentProvider> make_demo_provider();
}
