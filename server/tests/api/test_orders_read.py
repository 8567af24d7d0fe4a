"""Listing, searching, filtering and paging orders; the order detail."""
import pytest

from support import error_code, sql


def all_orders(c, **filters):
    seen, cursor = [], None
    while True:
        params = {"limit": 37, **filters}
        if cursor:
            params["cursor"] = cursor
        body = c.get("/api/v1/orders", params=params).json()
        seen += body["items"]
        cursor = body["next_cursor"]
        if not cursor:
            return seen


def test_keyset_paging_visits_every_order_once_newest_first(client):
    c = client("viewer")
    pages = all_orders(c)
    numbers = [o["number"] for o in pages]
    assert len(numbers) == len(set(numbers)) >= 200
    stamps = [o["created_at"] for o in pages]
    assert stamps == sorted(stamps, reverse=True)
    big = c.get("/api/v1/orders", params={"limit": 200}).json()["items"]
    assert [o["number"] for o in big] == numbers[:200]


def test_list_items_carry_the_contract_fields(client):
    item = client("viewer").orders(limit=1)[0]
    for field in ("number", "status", "contact_name", "email", "event_name", "ticket_count", "total", "created_at"):
        assert field in item


@pytest.mark.parametrize("field", ["number", "email", "name", "last_name", "phone", "barcode", "external_ref"])
def test_search_finds_the_order_by_each_kind(client, field):
    c = client("viewer")
    with_mobile = [o for o in c.orders(limit=200) if o["email"]]
    target = None
    for item in with_mobile:
        detail = c.order(item["number"])
        if detail["contact"]["mobile"] and detail["contact"]["last_name"] and (field != "external_ref" or detail["external_ref"]):
            target = detail
            break
    assert target, "demo data has such an order"
    q = {
        "number": target["number"].lower(),
        "email": target["contact"]["email"].upper(),
        "name": f"{target['contact']['first_name']} {target['contact']['last_name'][:3]}",
        "last_name": target["contact"]["last_name"],
        "phone": target["contact"]["mobile"].replace("+31", "0"),
        "barcode": target["tickets"][0]["barcode"],
        "external_ref": target["external_ref"],
    }[field]
    found = [o["number"] for o in all_orders(c, q=q)]
    assert target["number"] in found
    if field in ("number", "email", "barcode", "external_ref"):
        assert found == [target["number"]]


def test_search_without_match_is_empty(client):
    assert client("viewer").orders(q="zzzz-nothing-like-this") == []


def test_filters_combine(client):
    c = client("viewer")
    events = {o["event_name"]: o["event_id"] for o in c.orders(limit=200)}
    festival = events["Northsea Festival"]
    rows = all_orders(c, status="paid", event_id=festival, payment_method="card")
    assert rows
    for o in rows:
        assert o["status"] == "paid" and o["event_id"] == festival and o["payment_method"] == "card"
    everything = all_orders(c)
    expected = [o["number"] for o in everything
                if o["status"] == "paid" and o["event_id"] == festival and o["payment_method"] == "card"]
    assert [o["number"] for o in rows] == expected


def local_date(iso):
    import datetime
    from zoneinfo import ZoneInfo
    t = datetime.datetime.fromisoformat(iso.replace("Z", "+00:00"))
    return t.astimezone(ZoneInfo("Europe/Amsterdam")).date().isoformat()


def test_date_range_is_inclusive_in_the_organisation_time_zone(client):
    c = client("viewer")
    everything = all_orders(c)
    day = local_date(everything[len(everything) // 2]["created_at"])
    rows = all_orders(c, **{"from": day, "to": day})
    assert sorted(o["number"] for o in rows) == sorted(o["number"] for o in everything
                                                        if local_date(o["created_at"]) == day)
    week = all_orders(c, **{"from": "2000-01-01", "to": day})
    assert sorted(o["number"] for o in week) == sorted(o["number"] for o in everything
                                                        if local_date(o["created_at"]) <= day)


@pytest.mark.parametrize("params,field", [({"status": "lost"}, "status"), ({"event_id": "x"}, "event_id"),
                                          ({"limit": "0"}, "limit"), ({"limit": "201"}, "limit"),
                                          ({"from": "yesterday"}, "from"), ({"cursor": "garbage"}, "cursor"),
                                          ({"payment_method": "bitcoin"}, "payment_method")])
def test_bad_filters_are_422_naming_the_field(client, params, field):
    r = client("viewer").get("/api/v1/orders", params=params)
    assert r.status_code == 422 and field in r.json()["error"]["details"]["fields"]


def test_detail_has_the_contract_shape(client):
    c = client("viewer")
    number = c.orders(status="partially_refunded", limit=1)[0]["number"]
    o = c.order(number)
    for field in ("number", "status", "version", "created_at", "paid_at", "source", "external_ref", "event",
                  "contact", "tickets", "totals", "payments", "refunds", "actions"):
        assert field in o
    assert set(o["event"]) >= {"id", "name", "starts_at", "ends_at", "venue"}
    assert set(o["contact"]) >= {"email", "first_name", "last_name", "mobile", "company", "street", "postal_code",
                                 "city", "country", "language", "date_of_birth", "marketing_opt_in"}
    assert set(o["tickets"][0]) >= {"id", "ticket_type", "price", "fee", "status", "barcode", "attendee",
                                    "checked_in_at"}
    totals = o["totals"]
    assert totals["currency"] == "EUR"
    assert totals["total"] == totals["tickets"] + totals["fees"] == sum(t["price"] + t["fee"] for t in o["tickets"])
    assert totals["refunded"] == sum(r["amount"] for r in o["refunds"] if r["status"] == "succeeded") > 0
    assert totals["refundable"] == totals["paid"] - totals["refunded"] - totals["pending_refunds"]
    for name in ("resend", "personalisation", "refund", "cancel"):
        assert set(o["actions"][name]) >= {"enabled", "reason"}


def test_unknown_order_is_404(client):
    r = client("viewer").get("/api/v1/orders/NOTAREAL")
    assert r.status_code == 404 and error_code(r) == "not_found"


def test_csv_export_is_for_finance_and_matches_the_filter(client):
    assert client("support").get("/api/v1/orders.csv").status_code == 403
    r = client("finance").get("/api/v1/orders.csv", params={"status": "refunded"})
    assert r.status_code == 200 and r.headers["Content-Type"].startswith("text/csv")
    lines = r.text.strip().split("\r\n")
    assert lines[0].startswith("number,status,created_at")
    numbers = {line.split(",")[0] for line in lines[1:]}
    assert numbers == {o["number"] for o in all_orders(client("viewer"), status="refunded")}


def test_each_ticket_says_what_refunding_it_returns(client):
    c = client("finance")
    o = c.order(c.orders(status="paid", limit=1)[0]["number"])
    assert all(t["refund_value"] == t["price"] for t in o["tickets"])  # the demo policy keeps fees


def test_a_plain_download_link_can_name_the_organisation(server):
    from support import Client
    c = Client(server.url).login("admin@demo.test")
    other = c.get("/api/v1/orders", params={"organisation": "other"}).json()["items"]
    assert {o["event_name"] for o in other} == {"Harbour Sessions"}
    r = c.get("/api/v1/orders.csv", params={"organisation": "demo", "status": "paid"})
    assert r.status_code == 200 and r.text.count("\r\n") > 10


def test_a_status_the_server_does_not_know_is_an_internal_error_not_a_guess(server, client, claim):
    order = claim(lambda o: o["status"] == "paid")
    c = client("support")
    sql(server.db_url, f"UPDATE orders SET status = 'on_hold' WHERE number = '{order['number']}'")
    try:
        r = c.get(f"/api/v1/orders/{order['number']}")
        assert r.status_code == 500 and error_code(r) == "internal"
        assert c.get(f"/api/v1/orders/{order['number']}/history").status_code == 200
    finally:
        sql(server.db_url, f"UPDATE orders SET status = 'paid' WHERE number = '{order['number']}'")
    assert c.order(order["number"])["status"] == "paid"


def test_a_refund_state_the_server_does_not_know_is_an_internal_error(server, client, claim):
    order = claim(lambda o: o["status"] == "partially_refunded")
    c = client("support")
    where = f"order_id = (SELECT id FROM orders WHERE number = '{order['number']}')"
    sql(server.db_url, f"UPDATE refunds SET status = 'reversed' WHERE {where}")
    try:
        r = c.get(f"/api/v1/orders/{order['number']}")
        assert r.status_code == 500 and error_code(r) == "internal"
    finally:
        sql(server.db_url, f"UPDATE refunds SET status = 'succeeded' WHERE {where}")
    assert c.order(order["number"])["status"] == "partially_refunded"
