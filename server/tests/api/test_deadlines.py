"""Deadlines, expiries and windows, on a server whose clock the test moves instead of waiting for time to pass."""
from datetime import datetime

import pytest

from setup_helpers import STRONG_PASSWORD, invitation_link, invite, token_of
from support import Client, ManualClock, Server, error_code, idempotency_key

DAY = 86400


@pytest.fixture(scope="module")
def shop(workdir, make_database, mailbox):
    s = Server(make_database("deadlines"), workdir, demo=True, smtp=mailbox.url, clock=ManualClock(workdir)).start()
    yield s
    s.stop()


@pytest.fixture
def staff(shop):
    """A fresh log-in: moving the clock on ends older sessions."""
    return lambda role: Client(shop.url).login(f"{role}@demo.test")


def seconds(iso):
    return int(datetime.fromisoformat(iso.replace("Z", "+00:00")).timestamp())


_taken = set()


def take(c, pred, **filters):
    for item in c.orders(limit=200, **filters):
        if item["number"] in _taken:
            continue
        o = c.order(item["number"])
        if pred(o):
            _taken.add(o["number"])
            return o
    raise AssertionError("no demo order fits")


def test_a_personalisation_link_works_until_its_last_second(shop, staff):
    c = staff("support")
    o = take(c, lambda o: o["actions"]["personalisation"]["enabled"])
    link = c.post(f"/api/v1/orders/{o['number']}/personalisation-link", {"send_email": False}).json()
    customer = Client(shop.url)
    shop.clock.set(seconds(link["expires_at"]) - 1)
    assert customer.get(f"/api/v1/p/{link['token']}").status_code == 200
    shop.clock.advance(1)
    r = customer.get(f"/api/v1/p/{link['token']}")
    assert r.status_code == 404 and "expired" in r.json()["error"]["message"]


def test_an_invitation_expires_after_seven_days(shop, staff, mailbox):
    admin = staff("admin")
    invitation = invite(admin)
    link = invitation_link(shop, invitation["email"], mailbox)
    assert seconds(invitation["expires_at"]) - shop.clock.now == 7 * DAY
    shop.clock.set(seconds(invitation["expires_at"]))
    admin = staff("admin")
    listed = next(i for i in admin.get("/api/v1/invitations").json()["items"] if i["id"] == invitation["id"])
    assert listed["status"] == "expired"
    r = Client(shop.url).post(f"/api/v1/invitations/accept/{token_of(link)}", {"password": STRONG_PASSWORD})
    assert r.status_code in (404, 410) and error_code(r) == "invitation_expired"


def test_the_refund_deadline_closes_the_refund_a_day_after_it_passes(shop, staff):
    finance = staff("finance")
    o = take(finance, lambda o: o["actions"]["refund"]["enabled"] and o["event"]["ends_at"], status="paid")
    deadline_days = finance.get("/api/v1/organisation").json()["refund_deadline_days"]
    shop.clock.set(max(shop.clock.now, seconds(o["event"]["ends_at"]) + deadline_days * DAY))
    finance = staff("finance")
    assert finance.order(o["number"])["actions"]["refund"]["enabled"]
    shop.clock.advance(1)
    refund = finance.order(o["number"])["actions"]["refund"]
    assert not refund["enabled"] and refund["reason"] == "refund_deadline_passed"
    r = finance.post(f"/api/v1/orders/{o['number']}/refunds",
                     {"amount": 100, "reason": "Late", "expected_version": o["version"]},
                     headers={"Idempotency-Key": idempotency_key()})
    assert r.status_code == 409 and error_code(r) == "refund_deadline_passed"


def test_the_resend_window_opens_again_an_hour_later(shop, staff):
    c = staff("support")
    o = take(c, lambda o: o["actions"]["resend"]["enabled"] and o["contact"]["email"])
    resend = lambda: c.post(f"/api/v1/orders/{o['number']}/resend", {"email": o["contact"]["email"]}).status_code
    assert [resend() for _ in range(6)] == [202] * 5 + [429]
    shop.clock.advance(3600 - 1)
    assert resend() == 429
    shop.clock.advance(1)
    assert resend() == 202
