"""Refunds through Stripe- and Mollie-style providers (a local fake speaking their documented APIs):
success, failure, timeout, webhooks (signed, replayed, out of order; the worker fetches the state they
announce) and recovery after a crash."""
import os
import subprocess
import sys

import pytest
import requests

from support import ROOT, Client, ManualClock, Server, error_code, idempotency_key, sql, wait_until

SECRET = "whsec_test_secret"


@pytest.fixture(scope="module")
def fake():
    script = os.path.join(ROOT, "server", "tests", "fakes", "fake_provider.py")
    proc = subprocess.Popen([sys.executable if sys.executable.startswith("/usr/bin") else "/usr/bin/python3", script,
                             "--port", "0", "--slow-seconds", "4", "--stripe-webhook-secret", SECRET],
                            stdout=subprocess.PIPE, text=True)
    port = int(proc.stdout.readline().split()[1])
    url = f"http://127.0.0.1:{port}"
    yield url
    proc.terminate()
    proc.wait(timeout=10)


def provider_args(fake, short_waits=True):
    """short_waits: retries and polls a second or two apart in real time; without, a test clock moves them."""
    return ["--stripe-url", fake, "--stripe-key", "sk_test_fake", "--stripe-webhook-secret", SECRET,
            "--mollie-url", fake, "--mollie-key", "test_fake", "--provider-timeout-seconds", "2"] + (
        ["--refund-retry-seconds", "1", "--refund-poll-seconds", "2"] if short_waits else [])


@pytest.fixture(scope="module")
def shop(workdir, make_database, fake):
    s = Server(make_database("providers"), workdir, demo=True, extra=provider_args(fake)).start()
    yield s
    s.stop()


_used = set()


def order_paid_with(shop, provider, payment_ref, need=("refund",)):
    """A refundable demo order whose payment is switched to `provider` with `payment_ref`."""
    c = Client(shop.url).login("finance@demo.test")
    for item in c.orders(status="paid", payment_method="card", limit=200):
        if item["number"] in _used:
            continue
        o = c.order(item["number"])
        if all(o["actions"][a]["enabled"] for a in need):
            _used.add(item["number"])
            sql(shop.db_url, f"UPDATE payments SET provider = '{provider}', provider_ref = '{payment_ref}' "
                             f"WHERE id = {o['payments'][0]['id']}")
            return c, c.order(item["number"])
    raise AssertionError("no refundable card order left")


def refund(c, o, **body):
    return c.post(f"/api/v1/orders/{o['number']}/refunds",
                  {"expected_version": o["version"], "reason": "Provider test", **body},
                  headers={"Idempotency-Key": idempotency_key()})


def fake_requests(fake, prefix):
    return requests.get(f"{fake}/_control/requests", params={"prefix": prefix}).json()["requests"]


def history_types(c, o):
    return [h["type"] for h in c.get(f"/api/v1/orders/{o['number']}/history").json()["items"]]


def test_stripe_refund_succeeds_and_sends_key_and_auth(shop, fake):
    c, o = order_paid_with(shop, "stripe", "pi_ok_1")
    requests.delete(f"{fake}/_control/requests")
    r = refund(c, o, amount=1500)
    assert r.status_code == 201 and r.json()["status"] == "succeeded" and r.json()["provider_ref"].startswith("re_")
    [call] = fake_requests(fake, "/v1/refunds")
    headers = {k.lower(): v for k, v in call["headers"].items()}
    assert headers["authorization"] == "Bearer sk_test_fake" and headers["idempotency-key"].startswith("bo-")
    assert "amount=1500" in call["body"] and "payment_intent=pi_ok_1" in call["body"]
    assert c.order(o["number"])["status"] == "partially_refunded"


def test_stripe_refusal_fails_the_refund_and_restores_the_ticket(shop):
    c, o = order_paid_with(shop, "stripe", "pi_fail_2")
    ticket = o["tickets"][0]
    r = refund(c, o, ticket_ids=[ticket["id"]])
    assert r.status_code == 201 and r.json()["status"] == "failed" and r.json()["error"]
    after = c.order(o["number"])
    assert after["status"] == "paid" and after["tickets"][0]["status"] == "valid"
    assert after["totals"]["refundable"] == o["totals"]["refundable"]
    assert history_types(c, o)[0] == "refund_failed"


def test_stripe_pending_refund_completes_by_signed_webhook_and_replays_are_harmless(shop, fake):
    c, o = order_paid_with(shop, "stripe", "pi_pending_3")
    r = refund(c, o, amount=1000)
    assert r.status_code == 201 and r.json()["status"] == "pending"
    ref = r.json()["provider_ref"]
    hook = f"{shop.url}/api/v1/webhooks/stripe"
    # an early "still pending" event changes nothing
    requests.post(f"{fake}/_control/refunds/{ref}/webhook", json={"url": hook, "type": "refund.updated"})
    assert c.order(o["number"])["refunds"][-1]["status"] == "pending"
    requests.post(f"{fake}/_control/refunds/{ref}/complete")
    requests.post(f"{fake}/_control/refunds/{ref}/webhook", json={"url": hook})
    wait_until(lambda: c.order(o["number"])["refunds"][-1]["status"] == "succeeded",
               what="the refund completed by the worker after its webhook")
    assert c.order(o["number"])["status"] == "partially_refunded"
    hooks = requests.get(f"{fake}/_control/webhooks").json()["webhooks"]
    for n in range(len(hooks)):
        requests.post(f"{fake}/_control/webhooks/{n}/replay", json={})
    assert history_types(c, o).count("refund_succeeded") == 1
    assert c.order(o["number"])["totals"]["refunded"] == 1000


def test_a_badly_signed_webhook_is_refused(shop):
    r = requests.post(f"{shop.url}/api/v1/webhooks/stripe", data='{"type":"refund.updated"}',
                      headers={"Stripe-Signature": "t=1,v1=00", "Content-Type": "application/json"})
    assert r.status_code == 400


def test_mollie_refund_completes_through_its_webhook(shop, fake):
    c, o = order_paid_with(shop, "mollie", "tr_ok4")
    r = refund(c, o, amount=800)
    assert r.status_code == 201 and r.json()["status"] == "pending"
    hook = f"{shop.url}/api/v1/webhooks/mollie"
    delivery = requests.post(f"{fake}/_control/refunds/{r.json()['provider_ref']}/webhook", json={"url": hook})
    assert delivery.json()["delivery"]["response_status"] == 200
    wait_until(lambda: c.order(o["number"])["refunds"][-1]["status"] == "succeeded",
               what="the refund completed by the worker after its webhook")


def test_a_timeout_leaves_the_refund_pending_and_the_retry_uses_the_same_key(workdir, make_database, fake):
    s = Server(make_database("retry"), workdir, demo=True, extra=provider_args(fake, short_waits=False),
               clock=ManualClock(workdir)).start()
    c, o = order_paid_with(s, "stripe", "pi_slow_5")
    requests.delete(f"{fake}/_control/requests")
    r = refund(c, o, amount=700)
    assert r.status_code == 201 and r.json()["status"] == "pending"
    requests.post(f"{fake}/_control/release")
    assert c.order(o["number"])["refunds"][-1]["status"] == "pending"  # no retry before its time
    s.clock.advance(3600)
    c = Client(s.url).login("finance@demo.test")
    wait_until(lambda: c.order(o["number"])["refunds"][-1]["status"] == "succeeded", timeout=30,
               what="the worker's retry")
    calls = fake_requests(fake, "/v1/refunds")
    keys = {({k.lower(): v for k, v in x["headers"].items()})["idempotency-key"] for x in calls}
    assert len(calls) >= 2 and len(keys) == 1
    refunds = [x for x in requests.get(f"{fake}/_control/refunds").json()["refunds"] if x["payment"] == "pi_slow_5"]
    assert len(refunds) == 1
    s.stop()


def test_a_crash_with_an_unsubmitted_refund_is_recovered_on_restart(workdir, make_database, fake):
    s = Server(make_database("crash"), workdir, demo=True, extra=provider_args(fake, short_waits=False),
               clock=ManualClock(workdir)).start()
    c, o = order_paid_with(s, "stripe", "pi_down_6")
    r = refund(c, o, amount=600)
    assert r.status_code == 201 and r.json()["status"] == "pending"
    s.stop(kill=True)
    sql(s.db_url, f"UPDATE payments SET provider_ref = 'pi_back_6' WHERE id = {o['payments'][0]['id']}")
    s.start()
    s.clock.advance(3600)
    c = Client(s.url).login("finance@demo.test")
    wait_until(lambda: c.order(o["number"])["refunds"][-1]["status"] == "succeeded", timeout=30,
               what="recovery after restart")
    assert c.order(o["number"])["totals"]["refunded"] == 600
    s.stop()


def test_cancel_is_refused_when_the_provider_refuses_the_refund(shop):
    c, o = order_paid_with(shop, "stripe", "pi_fail_7", need=("refund", "cancel"))
    r = c.post(f"/api/v1/orders/{o['number']}/cancel", {"expected_version": o["version"], "notify_customer": False})
    assert r.status_code == 409 and error_code(r) == "refund_failed"
    after = c.order(o["number"])
    assert after["status"] == "paid" and all(t["status"] == "valid" for t in after["tickets"])
