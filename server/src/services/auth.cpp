#include "services/auth.hpp"

#include <sodium.h>

#include <algorithm>
#include <array>
#include <limits>
#include <mutex>
#include <unordered_map>

#include "common/error.hpp"
#include "common/random.hpp"
#include "common/time.hpp"
#include "domain/contact.hpp"
#include "domain/money.hpp"
#include "store/organisations.hpp"
#include "store/members.hpp"

namespace bo::services {
namespace {
// Sessions and tokens resolved recently, by token hash. An entry is used only while the auth epoch is the
// one it was read under and its last-seen time needs no update, so a change anywhere (a disabled user, a
// revoked token, a new role) is seen by the next request, and idle expiry keeps being recorded.
class RecentLogins {
 public:
  struct Entry {
    int64_t epoch = 0, seen_at = 0, expires_at = 0;
    Principal principal;  // before choosing the organisation
  };
  std::optional<Principal> find(const std::string& hash, int64_t epoch, int64_t now) {
    std::lock_guard lock(mu_);
    auto it = entries_.find(hash);
    if (it == entries_.end()) return std::nullopt;
    const auto& e = it->second;
    if (e.epoch != epoch || now < e.seen_at || now - e.seen_at > kTouchEvery || now >= e.expires_at) return std::nullopt;
    return e.principal;
  }
  void keep(const std::string& hash, Entry e) {
    std::lock_guard lock(mu_);
    if (entries_.size() >= 5000) entries_.clear();  // a bound, not an eviction policy: misses are cheap
    entries_[hash] = std::move(e);
  }
  static constexpr int64_t kTouchEvery = 60;  // seconds between writes of last seen / last used

 private:
  std::mutex mu_;
  std::unordered_map<std::string, Entry> entries_;
};

RecentLogins& recent_logins() {
  static RecentLogins r;
  return r;
}

// What an unknown or disabled address is checked against, so that it costs what a real check costs.
const std::string& dummy_password_hash() {
  static const std::string hash = hash_password(random_token(24));
  return hash;
}

bool pick_organisation(Principal& p, std::string_view slug) {
  if (p.memberships.empty()) return false;
  auto it = slug.empty() ? p.memberships.begin()
                         : std::find_if(p.memberships.begin(), p.memberships.end(),
                                        [&](const domain::Membership& m) { return m.organisation.slug == slug; });
  if (it == p.memberships.end()) throw not_found("organisation");
  p.organisation = it->organisation;
  p.role = it->role;
  return true;
}
}  // namespace

bool allowed(const Principal& p, domain::Permission permission) { return domain::allowed(p.role, permission); }

void require(const Principal& p, domain::Permission permission) {
  if (!allowed(p, permission)) throw forbidden();
}

domain::Actor Principal::actor() const {
  return domain::Actor{kind == Kind::user ? "user" : "token", id, name, via, confirmation};
}

std::string hash_password(std::string_view password) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                            crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0)
    throw std::runtime_error("out of memory while hashing a password");
  return out;
}

bool verify_password(std::string_view hash, std::string_view password) {
  if (sodium_init() < 0) return false;
  std::string h(hash);
  return crypto_pwhash_str_verify(h.c_str(), password.data(), password.size()) == 0;
}

std::string password_problem(std::string_view password, std::string_view email) {
  static constexpr std::array<std::string_view, 24> common{
      "password", "password1", "password123", "12345678", "123456789", "1234567890", "qwertyuiop", "qwerty123",
      "iloveyou1", "welcome1", "welcome123", "letmein123", "admin123", "administrator", "changeme", "changeme123",
      "abc12345", "11111111", "00000000", "passw0rd", "sunshine1", "football1", "monkey123", "boxoffice"};
  if (password.size() < 10) return "Use at least 10 characters.";
  if (password.size() > 200) return "Use at most 200 characters.";
  auto lower = domain::to_lower_ascii(password);
  for (auto c : common)
    if (lower == c) return "This password is too common.";
  if (!email.empty() && lower == domain::to_lower_ascii(email)) return "Do not use your e-mail address.";
  if (std::all_of(password.begin(), password.end(), [&](char ch) { return ch == password[0]; }))
    return "This password is too easy to guess.";
  return "";
}

LoginResult login(store::Connection& c, std::string_view email_in, std::string_view password, std::string_view client,
                  int64_t now) {
  auto email = domain::to_lower_ascii(domain::trim(email_in));
  check_password_attempts(c, email, client, now);
  auto user = store::find_user_by_email(c, email);
  bool usable = user && !user->disabled;
  bool matches = verify_password(usable ? user->password_hash : dummy_password_hash(), password);
  if (!usable || !matches) {
    record_password_failure(c, email, client, now);
    throw Error("invalid_credentials", "E-mail address or password is wrong.");
  }
  clear_password_failures(c, email, client);
  return start_session(c, user->id, "", now);
}

LoginResult start_session(store::Connection& c, int64_t user_id, std::string_view slug, int64_t now) {
  if (store::memberships_of(c, user_id).empty()) throw Error("forbidden", "This account has no organisation yet.");
  LoginResult r;
  r.session_token = random_token(32);
  std::string csrf = random_token(24);
  auto sid = store::insert_session(c, sha256_hex(r.session_token), csrf, user_id, now, now + kSessionAbsoluteSeconds);
  auto p = authenticate_session(c, r.session_token, slug, now);
  if (!p) throw Error("forbidden", "This account has no organisation yet.");
  r.principal = *p;
  r.principal.session_id = sid;
  return r;
}

void logout(store::Connection& c, const Principal& p) {
  if (p.session_id) store::delete_session(c, *p.session_id);
}

std::optional<Principal> authenticate_session(store::Connection& c, std::string_view token, std::string_view slug,
                                              int64_t now) {
  auto hash = sha256_hex(token);
  auto epoch = store::auth_epoch(c);  // read first: what is read after it is at least this current
  if (auto p = recent_logins().find(hash, epoch, now)) {
    if (!pick_organisation(*p, slug)) return std::nullopt;
    return p;
  }
  auto s = store::find_session(c, hash);
  if (!s) return std::nullopt;
  if (now >= s->expires_at || now - s->last_seen_at > kSessionIdleSeconds) {
    store::delete_session(c, s->id);
    return std::nullopt;
  }
  int64_t seen_at = s->last_seen_at;
  if (now - seen_at > RecentLogins::kTouchEvery) store::touch_session(c, s->id, seen_at = now);
  Principal p;
  p.kind = Principal::Kind::user;
  p.id = s->user_id;
  p.name = s->user_name;
  p.email = s->user_email;
  p.language = s->user_language;
  p.session_id = s->id;
  p.csrf_token = s->csrf_token;
  p.memberships = store::memberships_of(c, s->user_id);
  recent_logins().keep(hash, {epoch, seen_at, s->expires_at, p});
  if (!pick_organisation(p, slug)) return std::nullopt;
  return p;
}

std::optional<Principal> authenticate_token(store::Connection& c, std::string_view bearer, std::string_view slug,
                                            int64_t now) {
  auto hash = sha256_hex(bearer);
  auto epoch = store::auth_epoch(c);
  if (auto p = recent_logins().find(hash, epoch, now)) {
    if (!pick_organisation(*p, slug)) return std::nullopt;
    return p;
  }
  auto t = store::find_token(c, hash);
  if (!t) return std::nullopt;
  auto& [token, org] = *t;
  int64_t used_at = token.last_used_at.value_or(0);
  if (now - used_at > RecentLogins::kTouchEvery) store::touch_token(c, token.id, used_at = now);
  Principal p;
  p.kind = Principal::Kind::token;
  p.id = token.id;
  p.name = token.name;
  p.memberships.push_back({org, token.role});
  recent_logins().keep(hash, {epoch, used_at, std::numeric_limits<int64_t>::max(), p});
  if (!pick_organisation(p, slug)) return std::nullopt;
  return p;
}

int64_t add_user(store::Connection& c, std::string_view email, std::string_view name, std::string_view password,
                 int64_t org_id, domain::Role role, int64_t now) {
  auto hash = hash_password(password);
  int64_t id;
  if (auto u = store::find_user_by_email(c, email)) {
    id = u->id;
    store::set_user_name_and_password(c, id, name, hash);
    store::auth_changed(c);
  } else {
    id = store::insert_user(c, email, name, hash, now);
  }
  store::set_membership(c, id, org_id, role, now);
  store::set_membership_disabled(c, org_id, id, false);
  return id;
}

std::optional<domain::Organisation> add_user_in(store::Database& db, const std::string& slug, std::string_view email,
                                                std::string_view name, std::string_view password, domain::Role role,
                                                const std::optional<domain::Organisation>& create, int64_t now) {
  auto c = db.acquire();
  store::Transaction tx(*c);
  auto org = store::find_organisation_by_slug(*c, slug);
  if (!org) {
    if (!create) return std::nullopt;
    if (!domain::currency_exponent(create->currency) || !valid_time_zone(create->time_zone) ||
        !domain::valid_country(create->country))
      throw Error("validation_failed", "Check the currency, time zone and country of the new organisation.");
    auto o = *create;
    o.slug = slug;
    store::insert_organisation(*c, o, now);
    org = store::find_organisation_by_slug(*c, slug);
  }
  add_user(*c, email, name, password, org->id, role, now);
  tx.commit();
  return org;
}

LoginResult login(Context& ctx, std::string_view email, std::string_view password, std::string_view client) {
  auto c = ctx.db.acquire();
  return login(*c, email, password, client, ctx.clock.now());
}

void logout(Context& ctx, const Principal& p) {
  auto c = ctx.db.acquire();
  logout(*c, p);
}

std::optional<Principal> authenticate_session(Context& ctx, std::string_view session_token,
                                              std::string_view organisation_slug) {
  auto c = ctx.db.acquire();
  return authenticate_session(*c, session_token, organisation_slug, ctx.clock.now());
}

std::optional<Principal> authenticate_token(Context& ctx, std::string_view bearer, std::string_view organisation_slug) {
  auto c = ctx.db.acquire();
  return authenticate_token(*c, bearer, organisation_slug, ctx.clock.now());
}

}  // namespace bo::services
