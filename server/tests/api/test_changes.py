"""Order changes: swap, move, add, cancel single tickets, hand over; money, capacity, codes, e-mail, history."""
import concurrent.futures
import datetime

import pytest

from support import Client, Server, error_code, idempotency_key, pdf_attachments, pdf_qr_codes, wait_until


@pytest.fixture(scope="module")
def cs(workdir, make_database, mailbox):
    """A demo server of their own: these tests add ticket types and change capacities."""
    s = Server(make_database("changes"), workdir, demo=True, smtp=mailbox.url).start()
    yield s
    s.stop()


@pytest.fixture(scope="module")
def login(cs):
    cache = {}

    def make(role):
        if role not in cache:
            cache[role] = Client(cs.url).login(f"{role}@demo.test")
        return cache[role]
    return make


_taken = set()


@pytest.fixture(scope="module")
def pick(login):
    """An order of the change server that no other test took, matching a predicate on its detail."""
    def find(predicate, event=None):
        c = login("finance")
        cursor = None
        while True:
            params = {"limit": 200, "status": "paid"}
            if cursor:
                params["cursor"] = cursor
            body = c.get("/api/v1/orders", params=params).json()
            for item in body["items"]:
                if item["number"] in _taken or (event and item["event_name"] != event):
                    continue
                detail = c.order(item["number"])
                if detail["actions"]["change"]["enabled"] and predicate(detail):
                    _taken.add(item["number"])
                    return detail
            cursor = body["next_cursor"]
            if not cursor:
                raise AssertionError("no demo order matches")
    return find


def types_of(c, number):
    options = c.get(f"/api/v1/orders/{number}/change-options").json()
    return {t["name"]: {**t, "event": e["name"], "event_id": e["id"]} for e in options["events"] for t in e["ticket_types"]}


def change(c, order, operations, key=None, **extra):
    return c.post(f"/api/v1/orders/{order['number']}/changes",
                  {"expected_version": order["version"], "operations": operations, **extra},
                  headers={"Idempotency-Key": key or idempotency_key()})


def preview(c, order, operations):
    return c.post(f"/api/v1/orders/{order['number']}/changes", {"preview": True, "operations": operations})


def history(c, number):
    return c.get(f"/api/v1/orders/{number}/history").json()["items"]


def checkin(c, barcode):
    return c.post("/api/v1/checkin", {"barcode": barcode}).json()["result"]


def of_type(name):
    return lambda o: any(t["ticket_type"]["name"] == name and t["change"]["enabled"] for t in o["tickets"])


def concert(o):
    return o["event"]["name"] == "Orchestra in Concert"


def test_a_preview_changes_nothing_and_shows_before_after_and_the_difference(login, pick):
    order = pick(lambda o: concert(o) and of_type("Stalls")(o))
    c = login("finance")
    ticket = next(t for t in order["tickets"] if t["ticket_type"]["name"] == "Stalls")
    balcony = types_of(c, order["number"])["Balcony"]
    r = preview(c, order, [{"type": "swap", "ticket_id": ticket["id"], "ticket_type_id": balcony["id"]}])
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["preview"] is True and body["change_id"] is None and body["order"] is None
    cheaper = (ticket["price"] + ticket["fee"]) - (balcony["price"] + balcony["fee"])
    assert body["difference"] == -cheaper and body["settlement"] == {"kind": "refund", "amount": cheaper}
    assert body["needs_finance"] is True
    assert body["before"]["total"] - body["after"]["total"] == cheaper
    swapped = next(t for t in body["after"]["tickets"] if t["ticket_id"] == ticket["id"])
    assert swapped["ticket_type"]["name"] == "Balcony" and swapped["operation"] == "swap" and swapped["new_barcode"]
    assert c.order(order["number"]) == order


def test_support_swaps_at_equal_price_and_the_old_code_stops_at_once(cs, login, pick, mailbox, workdir):
    admin = login("admin")
    order = pick(lambda o: concert(o) and of_type("Stalls")(o) and o["contact"]["email"])
    stalls = types_of(admin, order["number"])["Stalls"]
    aisle = admin.post(f"/api/v1/events/{order['event']['id']}/ticket-types",
                       {"name": "Stalls aisle", "price": stalls["price"], "fee": stalls["fee"], "capacity": 10})
    assert aisle.status_code == 201, aisle.text
    aisle = aisle.json()
    support = login("support")
    ticket = next(t for t in order["tickets"] if t["ticket_type"]["name"] == "Stalls")
    others = [t for t in order["tickets"] if t["id"] != ticket["id"]]
    r = change(support, order, [{"type": "swap", "ticket_id": ticket["id"], "ticket_type_id": aisle["id"]}])
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["difference"] == 0 and body["settlement"] == {"kind": "none", "amount": 0}
    after = body["order"]
    assert after["version"] > order["version"] and after["totals"] == order["totals"]
    new = next(t for t in after["tickets"] if t["id"] == ticket["id"])
    assert new["ticket_type"]["name"] == "Stalls aisle" and new["barcode"] != ticket["barcode"]
    # tickets that did not change keep their codes
    assert {t["id"]: t["barcode"] for t in others} == {t["id"]: t["barcode"] for t in after["tickets"] if t["id"] != ticket["id"]}
    gate = login("admin")
    assert checkin(gate, ticket["barcode"]) == "replaced"
    assert types_of(admin, order["number"])["Stalls aisle"]["available"] == 9
    item = history(support, order["number"])[0]
    assert item["type"] == "order_changed"
    [op] = item["data"]["operations"]
    assert op["old"]["ticket_type"]["name"] == "Stalls" and op["new"]["ticket_type"]["name"] == "Stalls aisle"
    # the session's mailbox also holds mail of the other demo server, whose buyers have the same addresses
    mine = lambda: [m for m in mailbox.to(order["contact"]["email"]) if order["number"] in m["message"]["Subject"]]
    [mail] = wait_until(mine, what="the change e-mail")
    assert ("gewijzigd" if order["contact"]["language"] == "nl" else "changed") in mail["message"]["Subject"]
    [pdf] = pdf_attachments(mail["message"])
    codes = pdf_qr_codes(pdf, workdir)
    assert new["barcode"] in codes and ticket["barcode"] not in codes
    assert checkin(gate, new["barcode"]) == "valid"


def test_a_change_that_moves_money_needs_finance_and_a_lower_price_is_refunded(cs, login, pick):
    order = pick(lambda o: concert(o) and of_type("Stalls")(o) and o["payments"][0]["provider"] == "manual"
                 and o["actions"]["refund"]["enabled"])
    ticket = next(t for t in order["tickets"] if t["ticket_type"]["name"] == "Stalls")
    balcony = types_of(login("finance"), order["number"])["Balcony"]
    ops = [{"type": "swap", "ticket_id": ticket["id"], "ticket_type_id": balcony["id"]}]
    refused = change(login("support"), order, ops)
    assert refused.status_code == 403 and error_code(refused) == "needs_finance"
    r = change(login("finance"), order, ops)
    assert r.status_code == 201, r.text
    back = (ticket["price"] + ticket["fee"]) - (balcony["price"] + balcony["fee"])
    after = r.json()["order"]
    [refund] = [x for x in after["refunds"] if x["id"] == r.json()["refund_id"]]
    assert refund["amount"] == back and refund["status"] == "succeeded"
    assert after["totals"]["total"] == order["totals"]["total"] - back
    assert after["totals"]["refundable"] == order["totals"]["refundable"] - back
    assert after["status"] == "partially_refunded"
    assert not reconciliation_exceptions(login("finance"), order["number"])


def reconciliation_exceptions(c, number):
    today = datetime.date.today()
    period = {"from": (today - datetime.timedelta(days=365)).isoformat(), "to": today.isoformat()}
    r = c.get("/api/v1/reports/reconciliation", params=period)
    assert r.status_code == 200, r.text
    return [x for x in r.json()["exceptions"] if x.get("order_number") == number]


def test_a_higher_price_leaves_an_open_amount_until_finance_records_the_payment(cs, login, pick):
    finance = login("finance")
    order = pick(lambda o: concert(o) and of_type("Balcony")(o))
    ticket = next(t for t in order["tickets"] if t["ticket_type"]["name"] == "Balcony")
    stalls = types_of(finance, order["number"])["Stalls"]
    more = (stalls["price"] + stalls["fee"]) - (ticket["price"] + ticket["fee"])
    r = change(finance, order, [{"type": "swap", "ticket_id": ticket["id"], "ticket_type_id": stalls["id"]}])
    assert r.status_code == 201, r.text
    assert r.json()["settlement"] == {"kind": "due", "amount": more}
    due = r.json()["order"]
    assert due["totals"]["due"] == more and due["actions"]["settle"]["enabled"]
    assert not login("support").order(order["number"])["actions"]["settle"]["enabled"]
    assert [x["kind"] for x in reconciliation_exceptions(finance, order["number"])] == ["amount_mismatch"]
    too_much = finance.post(f"/api/v1/orders/{order['number']}/payments",
                            {"expected_version": due["version"], "amount": more + 1, "method": "bank_transfer",
                             "reference": "NL12 transfer"})
    assert too_much.status_code == 422 and "amount" in too_much.json()["error"]["details"]["fields"]
    paid = finance.post(f"/api/v1/orders/{order['number']}/payments",
                        {"expected_version": due["version"], "amount": more, "method": "bank_transfer",
                         "reference": "NL12 transfer"})
    assert paid.status_code == 201, paid.text
    settled = paid.json()
    assert settled["totals"]["due"] == 0 and settled["totals"]["paid"] == order["totals"]["paid"] + more
    assert settled["payments"][-1]["amount"] == more and settled["payments"][-1]["provider_ref"] == "NL12 transfer"
    assert not settled["actions"]["settle"]["enabled"] and settled["actions"]["settle"]["reason"] == "nothing_due"
    assert not reconciliation_exceptions(finance, order["number"])
    assert history(finance, order["number"])[0]["data"] == {"amount": more, "method": "bank_transfer",
                                                            "reference": "NL12 transfer"}


def test_an_open_amount_can_be_waived_with_a_reason(cs, login, pick):
    finance = login("finance")
    order = pick(lambda o: concert(o) and of_type("Balcony")(o))
    ticket = next(t for t in order["tickets"] if t["ticket_type"]["name"] == "Balcony")
    stalls = types_of(finance, order["number"])["Stalls"]
    due = change(finance, order, [{"type": "swap", "ticket_id": ticket["id"], "ticket_type_id": stalls["id"]}]).json()["order"]
    no_reason = finance.post(f"/api/v1/orders/{order['number']}/waive", {"expected_version": due["version"], "reason": " "})
    assert no_reason.status_code == 422
    r = finance.post(f"/api/v1/orders/{order['number']}/waive",
                     {"expected_version": due["version"], "reason": "Upgrade offered as an apology"})
    assert r.status_code == 200, r.text
    assert r.json()["totals"]["due"] == 0 and r.json()["totals"]["waived"] == due["totals"]["due"]
    assert not reconciliation_exceptions(finance, order["number"])


def test_add_tickets_and_cancel_single_tickets_with_capacity_kept(cs, login, pick):
    finance = login("finance")
    order = pick(lambda o: concert(o) and len([t for t in o["tickets"] if t["change"]["enabled"]]) >= 2)
    valid = [t for t in order["tickets"] if t["status"] == "valid"]
    types = types_of(finance, order["number"])
    balcony_left = types["Balcony"]["available"]
    r = change(finance, order, [{"type": "add", "ticket_type_id": types["Balcony"]["id"], "quantity": 2},
                                {"type": "cancel", "ticket_id": valid[0]["id"]}], notify_customer=False)
    assert r.status_code == 201, r.text
    body = r.json()
    after = body["order"]
    added = [t for t in after["tickets"] if t["id"] not in {x["id"] for x in order["tickets"]}]
    assert [t["ticket_type"]["name"] for t in added] == ["Balcony", "Balcony"] and body["email_id"] is None
    assert next(t for t in after["tickets"] if t["id"] == valid[0]["id"])["status"] == "cancelled"
    assert types_of(finance, order["number"])["Balcony"]["available"] == balcony_left - 2
    assert body["difference"] == 2 * (types["Balcony"]["price"] + types["Balcony"]["fee"]) - (valid[0]["price"] + valid[0]["fee"])
    assert checkin(login("admin"), added[0]["barcode"]) == "valid"
    assert checkin(login("admin"), valid[0]["barcode"]) == "cancelled"


def test_refusals_name_their_reason(cs, login, pick):
    finance = login("finance")
    order = pick(lambda o: concert(o) and len([t for t in o["tickets"] if t["status"] == "valid"]) >= 2)
    valid = [t for t in order["tickets"] if t["status"] == "valid"]
    types = types_of(finance, order["number"])
    everything = [{"type": "cancel", "ticket_id": t["id"]} for t in valid]
    r = change(finance, order, everything)
    assert r.status_code == 409 and error_code(r) == "no_tickets_left"
    r = change(finance, order, [{"type": "swap", "ticket_id": valid[0]["id"], "ticket_type_id": types["Saturday"]["id"]}])
    assert r.status_code == 409 and error_code(r) == "mixed_events"
    r = change(finance, order, [{"type": "cancel", "ticket_id": valid[0]["id"]}, {"type": "cancel", "ticket_id": valid[0]["id"]}])
    assert r.status_code == 422 and "operations[1].ticket_id" in r.json()["error"]["details"]["fields"]
    r = change(finance, order, [{"type": "cancel", "ticket_id": 1}])
    assert r.status_code == 422 and "operations[0].ticket_id" in r.json()["error"]["details"]["fields"]
    r = change(finance, order, [{"type": "teleport"}])
    assert r.status_code == 422 and "operations[0].type" in r.json()["error"]["details"]["fields"]
    r = change(finance, order, [])
    assert r.status_code == 422 and error_code(r) == "nothing_to_change"
    r = change(finance, {**order, "version": order["version"] - 1}, [{"type": "cancel", "ticket_id": valid[0]["id"]}])
    assert r.status_code == 409 and error_code(r) == "order_changed"
    assert login("viewer").post(f"/api/v1/orders/{order['number']}/changes",
                                {"preview": True, "operations": everything[:1]}).status_code == 403
    # a checked-in ticket stays as it is
    assert checkin(login("admin"), valid[1]["barcode"]) == "valid"
    now = finance.order(order["number"])
    assert now["tickets"][[t["id"] for t in now["tickets"]].index(valid[1]["id"])]["change"]["reason"] == "ticket_checked_in"
    r = change(finance, now, [{"type": "cancel", "ticket_id": valid[1]["id"]}])
    assert r.status_code == 409 and error_code(r) == "ticket_checked_in"
    assert finance.order(order["number"]) == now


def test_an_ended_event_and_another_organisation_are_refused(cs, login):
    finance = login("finance")
    past = next(i for i in finance.get("/api/v1/orders", params={"limit": 200, "status": "paid"}).json()["items"]
                if i["event_name"] == "Spring Jazz Night")
    detail = finance.order(past["number"])
    assert detail["actions"]["change"] == {"enabled": False, "reason": "event_ended", "message": "The event has ended."}
    r = change(finance, detail, [{"type": "cancel", "ticket_id": detail["tickets"][0]["id"]}])
    assert r.status_code == 409 and error_code(r) == "event_ended"
    other = Client(cs.url).login("admin@other.test")
    assert other.post(f"/api/v1/orders/{past['number']}/changes", {"preview": True, "operations": []}).status_code == 404
    assert other.get(f"/api/v1/orders/{past['number']}/change-options").status_code == 404


def test_moving_to_another_event_and_handing_a_ticket_over(cs, login, pick):
    finance = login("finance")
    order = pick(lambda o: concert(o) and len([t for t in o["tickets"] if t["status"] == "valid"]) == 1)
    [ticket] = [t for t in order["tickets"] if t["status"] == "valid"]
    types = types_of(finance, order["number"])
    saturday = types["Saturday"]
    ops = [{"type": "swap", "ticket_id": ticket["id"], "ticket_type_id": saturday["id"]}]
    r = change(finance, order, ops, notify_customer=False)
    assert r.status_code == 201, r.text
    moved = r.json()["order"]
    assert moved["event"]["name"] == "Northsea Festival" and moved["tickets"][-1]["ticket_type"]["name"] == "Saturday"
    fields = finance.get(f"/api/v1/orders/{order['number']}/personalisation").json()["tickets"][0]["fields"]
    required = [f["key"] for f in fields if f["required"]]
    bad = change(finance, moved, [{"type": "hand_over", "ticket_id": ticket["id"], "attendee": {}}])
    assert bad.status_code == 422
    assert {f"operations[0].attendee.{k}" for k in required} <= set(bad.json()["error"]["details"]["fields"])
    values = {f["key"]: ("1990-05-01" if f["kind"] == "date" else f["options"][0] if f["kind"] == "select" else
                         "ana@example.test" if f["kind"] == "email" else "Ana de Vries") for f in fields if f["required"]}
    values.update({"first_name": "Ana", "last_name": "de Vries"} if "first_name" in values else {})
    r = change(login("support"), moved, [{"type": "hand_over", "ticket_id": ticket["id"], "attendee": values}])
    assert r.status_code == 201, r.text
    handed = next(t for t in r.json()["order"]["tickets"] if t["id"] == ticket["id"])
    assert handed["attendee"] == values and handed["barcode"] != moved["tickets"][-1]["barcode"]


def test_a_retried_change_is_harmless_and_a_reused_key_for_another_change_is_refused(cs, login, pick):
    finance = login("finance")
    order = pick(lambda o: concert(o) and of_type("Stalls")(o))
    types = types_of(finance, order["number"])
    ops = [{"type": "add", "ticket_type_id": types["Stalls"]["id"], "quantity": 1}]
    key = idempotency_key()
    first = change(finance, order, ops, key=key, notify_customer=False)
    again = change(finance, order, ops, key=key, notify_customer=False)
    assert first.status_code == 201 and again.status_code == 200, again.text
    assert again.headers["Idempotent-Replayed"] == "true"
    assert again.json()["change_id"] == first.json()["change_id"]
    assert len(finance.order(order["number"])["tickets"]) == len(order["tickets"]) + 1
    other = change(finance, order, [{**ops[0], "quantity": 2}], key=key)
    assert other.status_code == 409 and error_code(other) == "idempotency_key_reused"


def test_two_changes_racing_for_the_last_ticket_never_oversell(cs, login, pick):
    admin = login("admin")
    a = pick(concert)
    b = pick(concert)
    event_id = a["event"]["id"]
    last = admin.post(f"/api/v1/events/{event_id}/ticket-types",
                      {"name": "Box seat", "price": 9000, "fee": 300, "capacity": 1}).json()
    finance = login("finance")
    ops = [{"type": "add", "ticket_type_id": last["id"], "quantity": 1}]
    with concurrent.futures.ThreadPoolExecutor(2) as pool:
        results = list(pool.map(lambda o: change(Client(cs.url).login("finance@demo.test"), o, ops, notify_customer=False),
                                [a, b]))
    codes = sorted(r.status_code for r in results)
    assert codes == [201, 409], [r.text for r in results]
    assert error_code(next(r for r in results if r.status_code == 409)) == "sold_out"
    assert types_of(finance, a["number"])["Box seat"]["available"] == 0
    held = sum(1 for o in (a, b) for t in finance.order(o["number"])["tickets"] if t["ticket_type"]["name"] == "Box seat")
    assert held == 1
