#pragma once
// The demo dataset of `serve --demo`: two organisations, four events, ≥ 200 orders in every status and
// payment method, users per role. Deterministic apart from dates, which are relative to `now`.
#include "store/db.hpp"

namespace bo::services {
inline constexpr const char* kDemoPassword = "boxoffice-demo";
// Creates the data when the database has no organisation yet; returns false when it already had one.
bool seed_demo_data(store::Connection& c, int64_t now);
}  // namespace bo::services
