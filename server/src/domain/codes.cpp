#include "domain/codes.hpp"

#include "common/random.hpp"

namespace bo::domain {
std::string new_order_number() { return random_code(kCodeAlphabet, 8); }
std::string new_barcode() { return random_code(kCodeAlphabet, 16); }
std::string mask_barcode(std::string_view b) {
  if (b.size() <= 4) return std::string(b);
  return std::string(b.size() - 4, '*') + std::string(b.substr(b.size() - 4));
}
}  // namespace bo::domain
