"""CSV files and helpers shared by the import tests (API and command line)."""
import csv
import io
import subprocess
import uuid

from support import BINARY, wait_until

HEADER = ["order_ref", "email", "first_name", "last_name", "mobile", "event", "ticket_type", "price",
          "service_fee", "payment_method", "status", "ordered_at"]
FINAL = ("invalid", "ready", "committed", "failed")


def unique_prefix():
    return "T" + uuid.uuid4().hex[:10].upper() + "-"


def csv_text(rows, header=HEADER):
    """rows: dicts keyed by column name (missing keys are empty)."""
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\r\n")
    w.writerow(header)
    for row in rows:
        w.writerow([row.get(h, "") for h in header])
    return out.getvalue()


def seeded_database(url, workdir):
    """A new database with the demo data and the generated event "Arena Tour (generated)", whose ticket
    types Floor and Seated hold a hundred million places."""
    subprocess.run([BINARY, "generate", "--db", url, "--orders", "0"], check=True, capture_output=True, cwd=workdir)
    return url


def many_rows(prefix, orders, tickets_per_order=2, event="Arena Tour (generated)", ticket_type="Floor",
              with_mobile=True):
    rows = []
    for i in range(orders):
        for _ in range(tickets_per_order):
            rows.append({"order_ref": f"{prefix}{i:06d}", "email": f"buyer{i}@example.com", "first_name": "Bulk",
                         "last_name": f"Buyer {i}", "mobile": f"+316{10000000 + i * 37 % 40000000}" if with_mobile else "",
                         "event": event, "ticket_type": ticket_type, "payment_method": "card",
                         "ordered_at": "2026-01-15T10:00:00Z"})
    return rows


def upload(c, text, file_name="orders.csv", **params):
    return c.request("POST", "/api/v1/imports", data=text.encode("utf-8") if isinstance(text, str) else text,
                     headers={"Content-Type": "text/csv"}, params={"file_name": file_name, **params})


def get_import(c, import_id):
    r = c.get(f"/api/v1/imports/{import_id}")
    assert r.status_code == 200, r.text
    return r.json()


def wait_final(c, import_id, timeout=60):
    def done():
        i = get_import(c, import_id)
        return i if i["status"] in FINAL else None
    return wait_until(done, timeout=timeout, interval=0.1, what=f"import {import_id} to finish a step")


def upload_and_validate(c, text, **kw):
    r = upload(c, text, **kw)
    assert r.status_code == 202, r.text
    return wait_final(c, r.json()["id"])


def commit(c, import_id, **body):
    r = c.post(f"/api/v1/imports/{import_id}/commit", body or None)
    assert r.status_code == 202, r.text
    return wait_final(c, import_id)


def find_by_ref(c, ref):
    items = c.orders(q=ref)
    return [o for o in items if c.order(o["number"])["external_ref"] == ref]
