"""Reports: revenue per day, event, ticket type and payment method, and payment reconciliation.

The demo data checks that the figures add up; a hand-built shop in its own database checks every figure
against a hand computation, around midnight and across daylight saving changes in Europe/Amsterdam."""
import csv
import io
import subprocess
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from support import BINARY, Client, Server, error_code, idempotency_key, sql

FIGURES = ["gross", "refunds", "net", "fees", "tickets_sold", "tickets_cancelled", "tickets_refunded",
           "tickets_checked_in"]
MONEY = ["gross", "refunds", "net", "fees"]
AMS = ZoneInfo("Europe/Amsterdam")


def revenue(c, expect=200, **params):
    r = c.get("/api/v1/reports/revenue", params=params)
    assert r.status_code == expect, r.text
    return r.json()


def reconciliation(c, expect=200, **params):
    r = c.get("/api/v1/reports/reconciliation", params=params)
    assert r.status_code == expect, r.text
    return r.json()


def figures(group):
    return {k: group[k] for k in FIGURES}


def minor(decimal_text):
    units, _, cents = decimal_text.partition(".")
    sign = -1 if units.startswith("-") else 1
    return sign * (abs(int(units)) * 100 + int((cents + "00")[:2]))


def local_today():
    return datetime.now(AMS).date()


def past(days):
    """The `days` days up to yesterday: other tests' refunds, completing now, stay out of it."""
    to = local_today() - timedelta(days=1)
    return {"from": str(to - timedelta(days=days - 1)), "to": str(to)}


# ---------------------------------------------------------------- demo data: the figures add up

@pytest.mark.parametrize("group_by", ["day", "event", "ticket_type", "payment_method"])
def test_totals_are_the_sum_of_the_groups_and_net_is_gross_minus_refunds(client, group_by):
    period = past(120)
    body = revenue(client("viewer"), group_by=group_by, **period)
    assert body["currency"] == "EUR" and body["group_by"] == group_by and body["time_zone"] == "Europe/Amsterdam"
    assert body["from"] == period["from"] and body["to"] == period["to"]
    assert body["groups"], "the demo data has sales in the last 120 days"
    for k in FIGURES:
        assert body["totals"][k] == sum(g[k] for g in body["groups"]), k
    for g in body["groups"] + [body["totals"]]:
        assert g["net"] == g["gross"] - g["refunds"]
    assert body["totals"]["gross"] > 0 and body["totals"]["refunds"] > 0 and body["totals"]["tickets_sold"] > 0
    assert body["totals"]["tickets_cancelled"] > 0 and body["totals"]["tickets_refunded"] > 0
    assert body["totals"]["tickets_checked_in"] > 0


def test_the_day_series_is_complete_and_ascending_for_a_chart(client):
    to = local_today()
    body = revenue(client("viewer"), **{"from": str(to - timedelta(days=59)), "to": str(to)})
    assert body["group_by"] == "day"
    assert [g["key"] for g in body["groups"]] == [str(to - timedelta(days=59 - i)) for i in range(60)]
    assert all(g["label"] == g["key"] for g in body["groups"])


def test_every_grouping_has_the_same_totals(client):
    period = past(120)
    totals = [revenue(client("viewer"), group_by=g, **period)["totals"]
              for g in ["day", "event", "ticket_type", "payment_method"]]
    assert all(t == totals[0] for t in totals)


def test_groups_are_sorted_by_label_with_readable_labels(client):
    period = past(120)
    methods = revenue(client("viewer"), group_by="payment_method", **period)["groups"]
    assert [g["label"] for g in methods] == sorted(g["label"] for g in methods)
    assert {"card": "Card", "ideal": "iDEAL"}.items() <= {g["key"]: g["label"] for g in methods}.items()
    events = revenue(client("viewer"), group_by="event", **period)["groups"]
    assert [g["label"] for g in events] == sorted(g["label"] for g in events)
    assert "Northsea Festival" in [g["label"] for g in events]
    types = revenue(client("viewer"), group_by="ticket_type", **period)["groups"]
    named = [g for g in types if g["key"] != "unassigned"]
    assert [g["label"] for g in named] == sorted(g["label"] for g in named)
    assert "Northsea Festival — Weekend" in [g["label"] for g in named]
    # Cancellations refund an amount without naming tickets: it is shown last, unassigned.
    assert types[-1]["key"] == "unassigned" and types[-1]["label"] == "Unassigned" and types[-1]["refunds"] > 0


@pytest.mark.parametrize("group_by", ["day", "ticket_type"])
def test_the_csv_is_exactly_the_json(client, group_by):
    params = {**past(90), "group_by": group_by}
    body = revenue(client("finance"), **params)
    r = client("finance").get("/api/v1/reports/revenue.csv", params=params)
    assert r.status_code == 200 and r.headers["Content-Type"].startswith("text/csv")
    assert "attachment" in r.headers["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(r.content.decode("utf-8"))))
    assert len(rows) == len(body["groups"]) + 1
    for row, group in zip(rows, body["groups"] + [dict(body["totals"], key="total", label="Total")]):
        assert row["key"] == group["key"] and row["label"] == group["label"] and row["currency"] == "EUR"
        for k in FIGURES:
            assert (minor(row[k]) if k in MONEY else int(row[k])) == group[k], (k, row)


def test_roles_viewers_read_the_revenue_report_finance_exports_and_reconciles(client):
    for role in ["viewer", "support"]:
        c = client(role)
        revenue(c)
        assert error_code(c.get("/api/v1/reports/revenue.csv")) == "forbidden"
        assert c.get("/api/v1/reports/reconciliation").status_code == 403
        assert c.get("/api/v1/reports/reconciliation.csv").status_code == 403
    for role in ["finance", "admin"]:
        c = client(role)
        assert c.get("/api/v1/reports/revenue.csv").status_code == 200
        assert c.get("/api/v1/reports/reconciliation.csv").status_code == 200
        reconciliation(c)
    assert Client(client("viewer").base).get("/api/v1/reports/revenue").status_code == 401


def test_each_organisation_sees_only_its_own_money(client):
    to = local_today()
    period = {"from": str(to - timedelta(days=40)), "to": str(to)}
    other = revenue(client("admin", "other"), **period)
    # Harbour Live: 16 paid card orders of two tickets at GBP 28.00 + 1.50, no refunds.
    assert other["currency"] == "GBP" and other["time_zone"] == "Europe/London"
    assert other["totals"] == {"gross": 94400, "refunds": 0, "net": 94400, "fees": 4800, "tickets_sold": 32,
                               "tickets_cancelled": 0, "tickets_refunded": 0, "tickets_checked_in": 0}
    rec = reconciliation(client("admin", "other"), **period)
    assert rec["totals"]["payments_in"] == 94400 and rec["totals"]["payments_count"] == 16
    assert {i["order_number"] for i in rec["items"]}.isdisjoint(
        {o["number"] for o in client("finance").orders(limit=200)})


@pytest.mark.parametrize("params, field", [
    ({"group_by": "week"}, "group_by"),
    ({"from": "2026-02-30"}, "from"),
    ({"to": "yesterday"}, "to"),
    ({"from": "2026-03-02", "to": "2026-03-01"}, "to"),
    ({"from": "2020-01-01", "to": "2026-01-01"}, "to"),
])
def test_bad_revenue_parameters_are_named(client, params, field):
    r = client("viewer").get("/api/v1/reports/revenue", params=params)
    assert r.status_code == 422 and field in r.json()["error"]["details"]["fields"], r.text


@pytest.mark.parametrize("params, field", [
    ({"provider": "paypal"}, "provider"),
    ({"limit": "0"}, "limit"),
    ({"limit": "5000"}, "limit"),
    ({"cursor": "x"}, "cursor"),
    ({"from": "2024-01-01", "to": "2026-01-01"}, "to"),
])
def test_bad_reconciliation_parameters_are_named(client, params, field):
    r = client("finance").get("/api/v1/reports/reconciliation", params=params)
    assert r.status_code == 422 and field in r.json()["error"]["details"]["fields"], r.text


def test_reconciliation_of_the_demo_data(client):
    period = past(120)
    body = reconciliation(client("finance"), **period, limit=1000)
    t = body["totals"]
    assert t["net"] == t["payments_in"] - t["refunds_out"]
    for k in ["payments_in", "payments_count", "refunds_out", "refunds_count"]:
        assert t[k] == sum(p[k] for p in body["by_provider"])
    assert t["payments_in"] == revenue(client("finance"), **period)["totals"]["gross"]
    assert t["refunds_out"] == revenue(client("finance"), **period)["totals"]["refunds"]
    paid = [i for i in body["items"] if i["kind"] == "payment" and i["status"] == "paid"]
    assert sum(i["amount"] for i in paid) == t["payments_in"]
    # The demo PayPal order with a refund pending for three days.
    pending = [e for e in body["exceptions"] if e["kind"] == "refund_pending"]
    assert pending and pending[0]["subject"] == "refund" and pending[0]["provider"] == "demo"
    assert body["exception_counts"]["refund_pending"] == len(pending)


def test_reconciliation_pages_through_every_item_once(client):
    period = past(120)
    whole = reconciliation(client("finance"), **period, limit=1000)["items"]
    seen, cursor = [], None
    while True:
        page = reconciliation(client("finance"), **period, limit=7, **({"cursor": cursor} if cursor else {}))
        seen += page["items"]
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert [(i["kind"], i["id"]) for i in seen] == [(i["kind"], i["id"]) for i in whole]
    r = client("finance").get("/api/v1/reports/reconciliation.csv", params=period)
    rows = list(csv.DictReader(io.StringIO(r.content.decode("utf-8"))))
    assert [(row["kind"], int(row["id"])) for row in rows] == [(i["kind"], i["id"]) for i in whole]


# ---------------------------------------------------------------- a hand-built shop with known figures

def at(y, m, d, hh, mm):
    """UTC seconds of a local Amsterdam time."""
    return int(datetime(y, m, d, hh, mm, tzinfo=AMS).timestamp())


def utc(y, m, d, hh, mm):
    return int(datetime(y, m, d, hh, mm, tzinfo=timezone.utc).timestamp())


class Shop:
    """A fresh database and server with one organisation (Europe/Amsterdam, EUR) and no demo data."""

    def __init__(self, workdir, make_database):
        self.db = make_database("reports")
        self.password = "correct-horse-battery-42"
        for email, role, extra in [("owner@shop.test", "admin", ["--create-org", "Scenario Shop", "--time-zone",
                                                                 "Europe/Amsterdam", "--currency", "EUR"]),
                                   ("clerk@shop.test", "viewer", [])]:
            subprocess.run([BINARY, "user", "add", "--db", self.db, "--org", "shop", "--email", email, "--role", role]
                           + extra, input=self.password + "\n", text=True, check=True, capture_output=True)
        self.server = Server(self.db, workdir, demo=False).start()
        self.admin = Client(self.server.url).login("owner@shop.test", self.password)
        self.org = self.one("SELECT id FROM organisations WHERE slug = 'shop'")
        now = int(datetime.now(timezone.utc).timestamp())
        self.event = self.one(f"INSERT INTO events (organisation_id, name, venue, starts_at, ends_at, created_at) "
                              f"VALUES ({self.org}, 'Scenario Night', 'Hall', {now + 60 * 86400}, "
                              f"{now + 60 * 86400 + 4 * 3600}, {utc(2025, 1, 1, 0, 0)}) RETURNING id")
        self.standard = self.type("Standard", 5000, 250)
        self.vip = self.type("VIP", 12000, 500)
        self.count = 0

    def one(self, statement):
        return int(sql(self.db, statement)[0][0])

    def type(self, name, price, fee):
        return self.one(f"INSERT INTO ticket_types (organisation_id, event_id, name, price, fee, capacity, created_at) "
                        f"VALUES ({self.org}, {self.event}, '{name}', {price}, {fee}, 1000, 0) RETURNING id")

    def order(self, types, method, paid_at, amount=None, provider_ref=True):
        """A paid order; `types` are (type id, price, fee) per ticket."""
        self.count += 1
        number = f"SCN{self.count:05d}"
        total = sum(p + f for _, p, f in types)
        oid = self.one(
            f"INSERT INTO orders (organisation_id, event_id, number, status, source, currency, ticket_count, "
            f"total_price, total_fees, payment_method, email, created_at, paid_at, updated_at) VALUES ({self.org}, "
            f"{self.event}, '{number}', 'paid', 'shop', 'EUR', {len(types)}, {sum(p for _, p, _ in types)}, "
            f"{sum(f for _, _, f in types)}, '{method}', 'buyer{self.count}@example.com', {paid_at - 60}, {paid_at}, "
            f"{paid_at}) RETURNING id")
        for i, (type_id, price, fee) in enumerate(types):
            sql(self.db, f"INSERT INTO tickets (organisation_id, order_id, ticket_type_id, price, fee, barcode, status, "
                         f"created_at, paid_at) VALUES ({self.org}, {oid}, {type_id}, {price}, {fee}, "
                         f"'SCNBARCODE{self.count:04d}{i:02d}', 'valid', {paid_at - 60}, {paid_at})")
        provider = "manual" if method in ("bank_transfer", "invoice", "cash") else "demo"
        ref = f"'demo_pay_scn{self.count}'" if provider == "demo" and provider_ref else "NULL"
        self.one(f"INSERT INTO payments (organisation_id, order_id, method, provider, provider_ref, amount, currency, "
                 f"status, paid_at, created_at) VALUES ({self.org}, {oid}, '{method}', '{provider}', {ref}, "
                 f"{total if amount is None else amount}, 'EUR', 'paid', {paid_at}, {paid_at - 60}) RETURNING id")
        return self.admin.order(number)

    def refund_row(self, order, amount, status, created_at, completed_at=None, error=None):
        pid = self.one(f"SELECT id FROM payments WHERE order_id = (SELECT id FROM orders WHERE number = "
                       f"'{order['number']}')")
        done = "NULL" if completed_at is None else completed_at
        err = "NULL" if error is None else f"'{error}'"
        sql(self.db, f"INSERT INTO refunds (organisation_id, order_id, payment_id, amount, currency, reason, method, "
                     f"provider, status, provider_state, provider_key, created_by_kind, created_at, completed_at, "
                     f"error) SELECT organisation_id, id, {pid}, {amount}, 'EUR', 'Customer asked', 'provider', 'demo', "
                     f"'{status}', 'submitted', 'bo-{idempotency_key()}', 'user', {created_at}, {done}, {err} "
                     f"FROM orders WHERE number = '{order['number']}'")

    def move_refunds(self, order, when):
        sql(self.db, f"UPDATE refunds SET created_at = {when}, completed_at = {when} WHERE order_id = "
                     f"(SELECT id FROM orders WHERE number = '{order['number']}')")


@pytest.fixture(scope="module")
def shop(workdir, make_database):
    s = Shop(workdir, make_database)
    std, vip = (s.standard, 5000, 250), (s.vip, 12000, 500)
    # The local clock and the UTC clock disagree about the day of each of these.
    assert at(2025, 3, 29, 0, 30) == utc(2025, 3, 28, 23, 30)      # CET, UTC+1
    assert at(2025, 3, 30, 23, 30) == utc(2025, 3, 30, 21, 30)     # CEST after the change at 02:00
    assert at(2025, 10, 26, 0, 30) == utc(2025, 10, 25, 22, 30)    # still CEST
    assert at(2025, 10, 26, 23, 30) == utc(2025, 10, 26, 22, 30)   # CET again
    s.a = s.order([std, std], "bank_transfer", at(2025, 3, 28, 23, 30))
    s.b = s.order([vip], "card", at(2025, 3, 29, 0, 30))
    s.d = s.order([std], "ideal", at(2025, 3, 30, 0, 30), provider_ref=False)
    s.c = s.order([std, vip], "bank_transfer", at(2025, 3, 30, 23, 30))
    # Next day: a partial refund of one of A's tickets (price only: the policy keeps fees).
    r = s.admin.post(f"/api/v1/orders/{s.a['number']}/refunds",
                     {"expected_version": s.a["version"], "ticket_ids": [s.a["tickets"][0]["id"]],
                      "reason": "One guest cannot come"})
    assert r.status_code == 201 and r.json()["status"] == "succeeded" and r.json()["amount"] == 5000, r.text
    s.move_refunds(s.a, at(2025, 3, 29, 10, 0))
    # B's refund through the provider failed; another one has been pending since.
    s.refund_row(s.b, 12500, "failed", at(2025, 3, 29, 11, 0), at(2025, 3, 29, 12, 0), "card_expired")
    s.refund_row(s.b, 1000, "pending", at(2025, 3, 29, 13, 0))
    # D's ticket is scanned at the door.
    assert s.admin.post("/api/v1/checkin", {"barcode": s.d["tickets"][0]["barcode"]}).json()["result"] == "valid"
    sql(s.db, f"UPDATE tickets SET checked_in_at = {at(2025, 3, 30, 20, 0)} WHERE id = {s.d['tickets'][0]['id']}")
    # C is cancelled the next morning; the shop keeps the fees (EUR 7.50).
    r = s.admin.post(f"/api/v1/orders/{s.c['number']}/cancel",
                     {"expected_version": s.c["version"], "refund_amount": 17000, "notify_customer": False})
    assert r.status_code == 200 and r.json()["status"] == "cancelled", r.text
    s.move_refunds(s.c, at(2025, 3, 31, 9, 0))
    sql(s.db, f"UPDATE orders SET cancelled_at = {at(2025, 3, 31, 9, 0)} WHERE number = '{s.c['number']}'")
    # October, when the clocks go back: G on Saturday evening, F and E on the 25-hour Sunday.
    s.g = s.order([std], "bank_transfer", at(2025, 10, 25, 23, 30))
    s.f = s.order([vip], "bank_transfer", at(2025, 10, 26, 0, 30))
    s.e = s.order([std], "bank_transfer", at(2025, 10, 26, 23, 30), amount=5000)  # EUR 2.50 short
    yield s
    s.server.stop()


MARCH = {"from": "2025-03-28", "to": "2025-03-31"}


def test_revenue_per_local_day_to_the_cent(shop):
    body = revenue(shop.admin, **MARCH)
    assert body["currency"] == "EUR" and body["time_zone"] == "Europe/Amsterdam"
    days = {g["key"]: figures(g) for g in body["groups"]}
    assert list(days) == ["2025-03-28", "2025-03-29", "2025-03-30", "2025-03-31"]
    zero = dict.fromkeys(FIGURES, 0)
    assert days["2025-03-28"] == {**zero, "gross": 10500, "net": 10500, "fees": 500, "tickets_sold": 2}
    # B at 00:30 local is the 29th although it is still the 28th in UTC; the failed refund counts nowhere.
    assert days["2025-03-29"] == {**zero, "gross": 12500, "refunds": 5000, "net": 7500, "fees": 500,
                                  "tickets_sold": 1, "tickets_refunded": 1}
    # The 23-hour day of the change to summer time: D at 00:30 and C at 23:30 are both on it.
    assert days["2025-03-30"] == {**zero, "gross": 23000, "net": 23000, "fees": 1000, "tickets_sold": 3,
                                  "tickets_checked_in": 1}
    assert days["2025-03-31"] == {**zero, "refunds": 17000, "net": -17000, "tickets_cancelled": 2}
    assert figures(body["totals"]) == {"gross": 46000, "refunds": 22000, "net": 24000, "fees": 2000,
                                       "tickets_sold": 6, "tickets_cancelled": 2, "tickets_refunded": 1,
                                       "tickets_checked_in": 1}


def test_the_25_hour_day_is_one_day(shop):
    body = revenue(shop.admin, **{"from": "2025-10-25", "to": "2025-10-27"})
    assert [(g["key"], g["gross"], g["tickets_sold"]) for g in body["groups"]] == [
        ("2025-10-25", 5250, 1), ("2025-10-26", 17500, 2), ("2025-10-27", 0, 0)]
    one_day = revenue(shop.admin, **{"from": "2025-10-26", "to": "2025-10-26"})
    assert one_day["totals"]["gross"] == 17500 and len(one_day["groups"]) == 1


def test_revenue_per_ticket_type_payment_method_and_event(shop):
    types = {g["label"]: figures(g) for g in revenue(shop.admin, group_by="ticket_type", **MARCH)["groups"]}
    assert list(types) == ["Scenario Night — Standard", "Scenario Night — VIP", "Unassigned"]
    assert types["Scenario Night — Standard"] == {"gross": 21000, "refunds": 5000, "net": 16000, "fees": 1000,
                                                  "tickets_sold": 4, "tickets_cancelled": 1, "tickets_refunded": 1,
                                                  "tickets_checked_in": 1}
    assert types["Scenario Night — VIP"] == {"gross": 25000, "refunds": 0, "net": 25000, "fees": 1000,
                                             "tickets_sold": 2, "tickets_cancelled": 1, "tickets_refunded": 0,
                                             "tickets_checked_in": 0}
    # The cancellation refunded an amount, not tickets.
    assert types["Unassigned"] == {**dict.fromkeys(FIGURES, 0), "refunds": 17000, "net": -17000}
    methods = {g["key"]: (g["label"], g["gross"], g["refunds"], g["tickets_sold"])
               for g in revenue(shop.admin, group_by="payment_method", **MARCH)["groups"]}
    assert methods == {"bank_transfer": ("Bank transfer", 28250, 22000, 4), "card": ("Card", 12500, 0, 1),
                       "ideal": ("iDEAL", 5250, 0, 1)}
    [event] = revenue(shop.admin, group_by="event", **MARCH)["groups"]
    assert event["label"] == "Scenario Night" and event["key"] == str(shop.event)
    assert event["gross"] == 46000 and event["net"] == 24000


def test_revenue_csv_has_the_day_rows_and_a_total(shop):
    r = shop.admin.get("/api/v1/reports/revenue.csv", params=MARCH)
    lines = r.content.decode().splitlines()
    assert lines[0] == ("key,label,gross,refunds,net,fees,tickets_sold,tickets_cancelled,tickets_refunded,"
                        "tickets_checked_in,currency")
    assert lines[4] == "2025-03-31,2025-03-31,0.00,170.00,-170.00,0.00,0,2,0,0,EUR"
    assert lines[5] == "total,Total,460.00,220.00,240.00,20.00,6,2,1,1,EUR"


def test_reconciliation_lists_every_movement_with_totals_and_exceptions(shop):
    body = reconciliation(shop.admin, **MARCH)
    items = [(i["kind"], i["order_number"], i["amount"], i["status"]) for i in body["items"]]
    a, b, c, d = (x["number"] for x in (shop.a, shop.b, shop.c, shop.d))
    assert items == [("payment", a, 10500, "paid"), ("payment", b, 12500, "paid"), ("refund", a, 5000, "succeeded"),
                     ("refund", b, 12500, "failed"), ("refund", b, 1000, "pending"), ("payment", d, 5250, "paid"),
                     ("payment", c, 17750, "paid"), ("refund", c, 17000, "succeeded")]
    first = body["items"][1]
    assert first["provider"] == "demo" and first["provider_ref"] == "demo_pay_scn2" and first["method"] == "card"
    assert first["completed_at"] == "2025-03-28T23:30:00Z"
    assert body["totals"] == {"payments_in": 46000, "payments_count": 4, "refunds_out": 22000, "refunds_count": 2,
                              "net": 24000}
    by = {(p["provider"], p["method"]): (p["payments_in"], p["refunds_out"], p["net"]) for p in body["by_provider"]}
    assert by == {("demo", "card"): (12500, 0, 12500), ("demo", "ideal"): (5250, 0, 5250),
                  ("manual", "bank_transfer"): (28250, 22000, 6250)}
    kinds = {(e["kind"], e["order_number"]) for e in body["exceptions"]}
    assert kinds == {("failed_refund", b), ("refund_pending", b), ("missing_provider_ref", d)}
    failed = next(e for e in body["exceptions"] if e["kind"] == "failed_refund")
    assert "card_expired" in failed["message"] and failed["amount"] == 12500
    assert body["exception_counts"] == {"failed_refund": 1, "refund_pending": 1, "missing_provider_ref": 1}
    only_demo = reconciliation(shop.admin, provider="demo", **MARCH)
    assert only_demo["totals"]["payments_in"] == 17750 and only_demo["provider"] == "demo"
    assert {i["provider"] for i in only_demo["items"]} == {"demo"}


def test_an_order_whose_payment_does_not_match_its_tickets_is_an_exception(shop):
    body = reconciliation(shop.admin, **{"from": "2025-10-25", "to": "2025-10-27"})
    [e] = body["exceptions"]
    assert e["kind"] == "amount_mismatch" and e["order_number"] == shop.e["number"] and e["subject"] == "order"
    assert (e["paid"], e["tickets_total"], e["refunded"]) == (5000, 5250, 0)
    assert e["message"] == "Paid EUR 50.00 but the tickets add up to EUR 52.50."


def test_reconciliation_csv_lists_every_movement(shop):
    r = shop.admin.get("/api/v1/reports/reconciliation.csv", params=MARCH)
    rows = list(csv.DictReader(io.StringIO(r.content.decode())))
    assert [(row["kind"], row["amount"], row["status"]) for row in rows][:3] == [
        ("payment", "105.00", "paid"), ("payment", "125.00", "paid"), ("refund", "50.00", "succeeded")]
    assert rows[3]["error"] == "card_expired" and rows[1]["provider_ref"] == "demo_pay_scn2"
    assert len(rows) == 8


def test_a_viewer_of_the_shop_reads_revenue_but_does_not_reconcile(shop):
    clerk = Client(shop.server.url).login("clerk@shop.test", shop.password)
    assert revenue(clerk, **MARCH)["totals"]["gross"] == 46000
    assert clerk.get("/api/v1/reports/reconciliation", params=MARCH).status_code == 403


def test_a_past_period_does_not_change_when_a_later_refund_happens(shop):
    before = {g: revenue(shop.admin, group_by=g, **{"from": "2025-10-01", "to": "2025-10-31"})
              for g in ["day", "ticket_type", "payment_method"]}
    rec_before = reconciliation(shop.admin, **{"from": "2025-10-01", "to": "2025-10-31"})
    f = shop.admin.order(shop.f["number"])
    r = shop.admin.post(f"/api/v1/orders/{f['number']}/refunds",
                        {"expected_version": f["version"], "ticket_ids": [f["tickets"][0]["id"]], "reason": "Late"})
    assert r.status_code == 201 and r.json()["status"] == "succeeded", r.text
    for g, report in before.items():
        assert revenue(shop.admin, group_by=g, **{"from": "2025-10-01", "to": "2025-10-31"}) == report
    assert reconciliation(shop.admin, **{"from": "2025-10-01", "to": "2025-10-31"}) == rec_before
    today = local_today()
    now = revenue(shop.admin, **{"from": str(today - timedelta(days=1)), "to": str(today + timedelta(days=1))})
    assert now["totals"]["refunds"] == 12000 and now["totals"]["tickets_refunded"] == 1
    assert now["totals"]["gross"] == 0


def test_generated_orders_reconcile(workdir, make_database):
    db = make_database("generated-reports")
    subprocess.run([BINARY, "generate", "--db", db, "--orders", "2000"], check=True, capture_output=True)
    s = Server(db, workdir, demo=False).start()
    try:
        c = Client(s.url).login("finance@demo.test")
        today = local_today()
        year = {"from": str(today - timedelta(days=366)), "to": str(today)}
        by_day = revenue(c, **year)["totals"]
        assert by_day == revenue(c, group_by="ticket_type", **year)["totals"]
        assert by_day["refunds"] > 0 and by_day["tickets_cancelled"] > 0 and by_day["tickets_refunded"] > 0
        month = {"from": str(today - timedelta(days=30)), "to": str(today)}
        rec = reconciliation(c, **month)
        assert rec["totals"]["payments_in"] == revenue(c, **month)["totals"]["gross"]
        assert not {"amount_mismatch", "over_refunded", "status_mismatch"} & set(rec["exception_counts"])
    finally:
        s.stop()
