"""Log-in, log-out, sessions, CSRF and organisations."""
import pytest
from support import Client, error_code


def test_login_returns_me_with_csrf_and_sets_http_only_cookie(server):
    c = Client(server.url)
    r = c.post("/api/v1/session", {"email": "Finance@Demo.test", "password": "boxoffice-demo"})
    assert r.status_code == 200
    me = r.json()
    assert me["user"]["email"] == "finance@demo.test"
    assert me["organisation"] == {"slug": "demo", "name": "Demo Events", "currency": "EUR",
                                  "time_zone": "Europe/Amsterdam", "country": "NL", "role": "finance"}
    assert me["csrf_token"]
    cookie = r.headers["Set-Cookie"]
    assert "bo_session=" in cookie and "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_wrong_password_is_401_and_reveals_nothing(server):
    c = Client(server.url)
    wrong = c.post("/api/v1/session", {"email": "finance@demo.test", "password": "nope-nope-nope"})
    unknown = c.post("/api/v1/session", {"email": "nobody@demo.test", "password": "nope-nope-nope"})
    assert wrong.status_code == unknown.status_code == 401
    assert wrong.json()["error"]["message"] == unknown.json()["error"]["message"]
    assert c.get("/api/v1/me").status_code == 401


def test_missing_fields_are_422_and_malformed_json_is_400(server):
    c = Client(server.url)
    r = c.post("/api/v1/session", {"email": "x@y.test"})
    assert r.status_code == 422 and r.json()["error"]["details"]["fields"] == {"password": "Required."}
    r = c.request("POST", "/api/v1/session", data="{not json", headers={"Content-Type": "application/json"})
    assert r.status_code == 400 and error_code(r) == "invalid_json"


def test_repeated_failures_are_throttled(server):
    c = Client(server.url)
    codes = [c.post("/api/v1/session", {"email": "guess@demo.test", "password": f"wrong-{i}"}).status_code
             for i in range(4)]
    assert codes == [401, 401, 401, 429]
    limited = c.post("/api/v1/session", {"email": "guess@demo.test", "password": "x"})
    assert limited.status_code == 429 and 1 <= int(limited.headers["Retry-After"]) <= 2
    # other accounts are not affected
    assert c.post("/api/v1/session", {"email": "viewer@demo.test", "password": "boxoffice-demo"}).status_code == 200


def test_logout_ends_the_session(server):
    c = Client(server.url).login("viewer@demo.test")
    assert c.get("/api/v1/me").status_code == 200
    assert c.delete("/api/v1/session").status_code == 204
    assert c.get("/api/v1/me").status_code == 401


def test_unsafe_methods_need_the_csrf_token(server, claim, client):
    order = claim(role="support")
    c = Client(server.url).login("support@demo.test")
    token = c.csrf
    c.csrf = None
    r = c.post(f"/api/v1/orders/{order['number']}/notes", {"text": "no token"})
    assert r.status_code == 403 and error_code(r) == "csrf_failed"
    c.csrf = "wrong" + token
    r = c.post(f"/api/v1/orders/{order['number']}/notes", {"text": "wrong token"})
    assert r.status_code == 403 and error_code(r) == "csrf_failed"
    c.csrf = token
    assert c.post(f"/api/v1/orders/{order['number']}/notes", {"text": "right token"}).status_code == 201


def test_no_session_is_401(server):
    r = Client(server.url).get("/api/v1/orders")
    assert r.status_code == 401 and error_code(r) == "unauthenticated"


def test_user_in_two_organisations_picks_one_per_request(server):
    c = Client(server.url).login("admin@demo.test")
    me = c.get("/api/v1/me").json()
    assert [o["slug"] for o in me["organisations"]] == ["demo", "other"]
    assert me["organisation"]["slug"] == "demo"
    c.organisation = "other"
    me = c.get("/api/v1/me").json()
    assert me["organisation"]["slug"] == "other" and me["organisation"]["role"] == "viewer"
    names = {o["event_name"] for o in c.orders(limit=200)}
    assert names == {"Harbour Sessions"}
    c.organisation = "nope"
    assert c.get("/api/v1/me").status_code == 404


def test_requests_beyond_the_rate_limit_get_429(workdir, make_database):
    from support import Server
    s = Server(make_database("limited"), workdir, demo=True, extra=["--rate-limit", "2"]).start()
    try:
        c = Client(s.url).login("viewer@demo.test")
        codes = [c.get("/api/v1/me").status_code for _ in range(30)]
        assert codes[0] == 200 and 429 in codes
        limited = next(r for r in (c.get("/api/v1/me") for _ in range(5)) if r.status_code == 429)
        assert limited.headers["Retry-After"] == "1" and limited.json()["error"]["code"] == "rate_limited"
    finally:
        s.stop()


@pytest.mark.parametrize("role, may, may_not", [
    ("viewer", {"orders.read", "reports.read"}, {"orders.edit", "orders.export", "reports.export", "imports"}),
    ("support", {"orders.edit", "checkin"}, {"orders.export", "reports.reconciliation", "settings.users"}),
    ("finance", {"orders.export", "reports.export", "reports.reconciliation"}, {"imports", "settings.tokens"}),
    ("admin", {"imports", "settings.events", "settings.organisation", "settings.users", "settings.tokens",
               "settings.audit_log", "orders.export"}, set()),
])
def test_me_lists_what_the_role_may_do_and_the_server_holds_to_it(client, role, may, may_not):
    c = client(role)
    permissions = set(c.get("/api/v1/me").json()["permissions"])
    assert may <= permissions and not (may_not & permissions)
    export = c.get("/api/v1/orders.csv")
    assert (export.status_code == 200) == ("orders.export" in permissions)
    revenue = c.get("/api/v1/reports/revenue.csv")
    assert (revenue.status_code == 200) == ("reports.export" in permissions)
    audit = c.get("/api/v1/audit-log")
    assert (audit.status_code == 200) == ("settings.audit_log" in permissions)
