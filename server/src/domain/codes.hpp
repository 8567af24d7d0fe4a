#pragma once
// Order numbers (8 characters, random, not sequential) and ticket barcodes (16 characters = 80 random
// bits), from an alphabet without look-alike characters.
#include <cstdint>
#include <string>
#include <string_view>

namespace bo::domain {
inline constexpr std::string_view kCodeAlphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
std::string new_order_number();
std::string new_barcode();
// Barcodes in lists show only their last four characters.
std::string mask_barcode(std::string_view barcode);
}  // namespace bo::domain
