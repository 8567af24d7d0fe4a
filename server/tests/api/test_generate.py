"""`boxoffice generate`: benchmark data that the API reads like any other orders."""
import subprocess

from support import BINARY, Client, Server


def test_generated_orders_are_real_orders(workdir, make_database):
    db = make_database("generated")
    subprocess.run([BINARY, "generate", "--db", db, "--orders", "3000"], check=True, capture_output=True)
    s = Server(db, workdir, demo=False).start()
    try:
        c = Client(s.url).login("finance@demo.test")
        arena = [o for o in c.orders(limit=200) if o["event_name"].startswith("Arena Tour")]
        assert len(arena) == 200
        detail = c.order(arena[0]["number"])
        assert detail["totals"]["total"] == sum(t["price"] + t["fee"] for t in detail["tickets"])
        assert c.orders(q=detail["tickets"][0]["barcode"])[0]["number"] == detail["number"]
    finally:
        s.stop()
