"""Password guessing: the delay falls on the attacker's own address, never on the account's owner elsewhere;
X-Forwarded-For counts only from a trusted proxy; unknown e-mail addresses cost and answer the same."""
import statistics
import time

import pytest
import requests

from support import PASSWORD, Client, Server, ManualClock


# Both servers run on a test clock that stands still unless a test moves it: the delays are whole seconds,
# and a slow machine must not let one run out between two attempts.
@pytest.fixture(scope="module")
def proxied(workdir, make_database):
    s = Server(make_database("login"), workdir, demo=True, extra=["--trusted-proxy", "127.0.0.1/32"],
               clock=ManualClock(workdir)).start()
    yield s
    s.stop()


@pytest.fixture(scope="module")
def direct(workdir, make_database):
    s = Server(make_database("direct"), workdir, demo=True, clock=ManualClock(workdir)).start()
    yield s
    s.stop()


def log_in(server, email, password, client_address=None):
    headers = {"X-Forwarded-For": client_address} if client_address else {}
    return requests.post(f"{server.url}/api/v1/session", json={"email": email, "password": password},
                         headers=headers, timeout=30)


def assert_throttled(r):
    assert r.status_code == 429, r.text
    assert r.json()["error"]["code"] == "rate_limited"
    assert 1 <= int(r.headers["Retry-After"]) <= 900


def test_sixty_bad_log_ins_from_one_address_do_not_stop_another_address(proxied):
    codes = [log_in(proxied, "finance@demo.test", f"wrong-{n}", "203.0.113.10").status_code for n in range(60)]
    assert set(codes) <= {401, 429} and codes[:3] == [401] * 3 and codes.count(429) >= 50
    assert_throttled(log_in(proxied, "finance@demo.test", PASSWORD, "203.0.113.10"))
    assert log_in(proxied, "finance@demo.test", PASSWORD, "198.51.100.20").status_code == 200


def test_an_attacker_hammering_the_admin_does_not_keep_the_admin_out(proxied):
    for n in range(30):
        assert log_in(proxied, "admin@demo.test", f"guess-{n}", "203.0.113.11").status_code in (401, 429)
    assert_throttled(log_in(proxied, "admin@demo.test", "guess-last", "203.0.113.11"))
    r = log_in(proxied, "admin@demo.test", PASSWORD, "198.51.100.21")
    assert r.status_code == 200, r.text
    assert r.json()["user"]["email"] == "admin@demo.test"


def test_spraying_many_accounts_from_one_address_is_slowed_there_only(proxied):
    codes = [log_in(proxied, f"user{n}@demo.test", "Spring2026!", "203.0.113.12").status_code for n in range(40)]
    assert codes[:20] == [401] * 20 and 429 in codes
    assert_throttled(log_in(proxied, "support@demo.test", PASSWORD, "203.0.113.12"))
    assert log_in(proxied, "support@demo.test", PASSWORD, "198.51.100.22").status_code == 200


def test_a_correct_password_after_the_delay_works_and_forgets_the_failures(proxied):
    address = "198.51.100.30"
    for n in range(3):
        assert log_in(proxied, "viewer@demo.test", f"typo-{n}", address).status_code == 401
    limited = log_in(proxied, "viewer@demo.test", PASSWORD, address)
    assert_throttled(limited)
    assert limited.headers["Retry-After"] == "2"
    proxied.clock.advance(1)
    assert_throttled(log_in(proxied, "viewer@demo.test", PASSWORD, address))
    proxied.clock.advance(1)
    assert log_in(proxied, "viewer@demo.test", PASSWORD, address).status_code == 200
    for n in range(3):
        assert log_in(proxied, "viewer@demo.test", f"typo-again-{n}", address).status_code == 401


def test_without_a_trusted_proxy_x_forwarded_for_is_ignored(direct):
    codes = [log_in(direct, "support@demo.test", f"wrong-{n}", f"192.0.2.{n + 1}").status_code for n in range(6)]
    assert codes[:3] == [401] * 3 and codes[3:] == [429] * 3
    assert_throttled(log_in(direct, "support@demo.test", PASSWORD, "192.0.2.200"))
    assert log_in(direct, "finance@demo.test", PASSWORD, "192.0.2.201").status_code == 200


def test_the_password_change_is_throttled_the_same_way(proxied):
    who = Client(proxied.url)
    r = who.http.post(f"{proxied.url}/api/v1/session", json={"email": "admin@other.test", "password": PASSWORD},
                      headers={"X-Forwarded-For": "198.51.100.40"}, timeout=30)
    assert r.status_code == 200
    who.csrf = r.json()["csrf_token"]
    change = {"current_password": "not-it-at-all", "new_password": "a-brand-new-passphrase"}
    codes = [who.post("/api/v1/me/password", change, headers={"X-Forwarded-For": "198.51.100.40"}).status_code
             for _ in range(4)]
    assert codes == [422, 422, 422, 429]
    assert log_in(proxied, "admin@other.test", PASSWORD, "198.51.100.41").status_code == 200


def test_unknown_and_known_addresses_get_the_same_answer_in_comparable_time(proxied):
    def timed(email, n):
        start = time.perf_counter()
        r = log_in(proxied, email, "not-the-password", f"192.0.2.{n}")
        return r, time.perf_counter() - start
    known, unknown = [], []
    for n in range(1, 13):
        rk, tk = timed("admin@demo.test", n)
        ru, tu = timed(f"nobody{n}@demo.test", 100 + n)
        assert rk.status_code == ru.status_code == 401
        assert rk.json() == ru.json()
        known.append(tk)
        unknown.append(tu)
    k, u = statistics.median(known), statistics.median(unknown)
    assert 1 / 3 < k / u < 3, (k, u)
