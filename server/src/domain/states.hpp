#pragma once
// Every stored state as an enum, with its one spelling (the database's, the API's and the logs').
// parse_state<E> is the only way from text to a state; store/ turns an unknown stored value into an error.
#include <cstdint>
#include <array>
#include <optional>
#include <string_view>

namespace bo::domain {
enum class OrderStatus { pending, paid, partially_refunded, refunded, cancelled };
enum class TicketStatus { valid, cancelled, refunded };
enum class PaymentStatus { pending, paid, failed };
enum class RefundStatus { pending, succeeded, failed };
enum class EmailStatus { queued, sending, retrying, sent, failed };
enum class ImportStatus { validating, invalid, ready, committing, committed, failed };

template <class E>
inline constexpr std::array<std::string_view, 0> state_names{};
template <>
inline constexpr std::array<std::string_view, 5> state_names<OrderStatus>{"pending", "paid", "partially_refunded",
                                                                         "refunded", "cancelled"};
template <>
inline constexpr std::array<std::string_view, 3> state_names<TicketStatus>{"valid", "cancelled", "refunded"};
template <>
inline constexpr std::array<std::string_view, 3> state_names<PaymentStatus>{"pending", "paid", "failed"};
template <>
inline constexpr std::array<std::string_view, 3> state_names<RefundStatus>{"pending", "succeeded", "failed"};
template <>
inline constexpr std::array<std::string_view, 5> state_names<EmailStatus>{"queued", "sending", "retrying", "sent",
                                                                         "failed"};
template <>
inline constexpr std::array<std::string_view, 6> state_names<ImportStatus>{"validating", "invalid",    "ready",
                                                                          "committing", "committed", "failed"};

template <class E>
concept State = (state_names<E>.size() > 0);

template <State E>
std::optional<E> parse_state(std::string_view s) {
  for (size_t i = 0; i < state_names<E>.size(); ++i)
    if (state_names<E>[i] == s) return static_cast<E>(i);
  return std::nullopt;
}
template <State E>
std::string_view to_string(E e) {
  return state_names<E>[static_cast<size_t>(e)];
}
}  // namespace bo::domain
