"""`boxoffice generate`: benchmark data that the API reads like any other orders."""
import subprocess

from support import BINARY, Client, Server


def test_generated_orders_are_real_orders(workdir, make_database):
    db = make_database("generated")
    subprocess.run([BINARY, "generate", "--db", db, "--orders", "3000"], check=True, capture_output=True)
    s = Server(db, workdir, demo=False).start()
    try:
        c = Client(s.url).login("finance@demo.test")
        events = c.get("/api/v1/events", params={"counts": "false"}).json()["items"]
        arena_id = next(e["id"] for e in events if e["name"].startswith("Arena Tour"))
        arena = c.orders(event_id=arena_id, limit=200)
        assert len(arena) == 200 and {o["event_name"] for o in arena} == {"Arena Tour (generated)"}
        detail = c.order(arena[0]["number"])
        assert detail["totals"]["total"] == sum(t["price"] + t["fee"] for t in detail["tickets"])
        assert c.orders(q=detail["tickets"][0]["barcode"])[0]["number"] == detail["number"]
    finally:
        s.stop()
