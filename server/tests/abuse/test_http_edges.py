"""Requests that break HTTP's own limits or the API's shapes: the server refuses them as documented, changes
nothing and keeps serving everyone else."""
import concurrent.futures
import http.client
import json
import socket
import time

import pytest
import requests

from support import Client, Server, error_code, wait_until


def exchange(port, data, source="127.0.0.1", timeout=10):
    """Sends raw bytes and reads until the server closes the connection (or `timeout`)."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout, source_address=(source, 0)) as s:
        s.sendall(data)
        chunks = []
        try:
            while chunk := s.recv(65536):
                chunks.append(chunk)
        except (ConnectionResetError, socket.timeout):
            pass
        return b"".join(chunks)


def status_of(raw):
    return int(raw.split(b" ", 2)[1]) if raw.startswith(b"HTTP/1.1 ") else None


def rss_kib(server):
    with open(f"/proc/{server.proc.pid}/status") as f:
        return next(int(line.split()[1]) for line in f if line.startswith("VmRSS:"))


def alive(server, client):
    assert requests.get(server.url + "/healthz", timeout=5).status_code == 200
    assert client("viewer").get("/api/v1/me").status_code == 200


def test_an_oversized_header_is_refused_and_the_server_stays_up(server, client):
    exchange(server.port, b"GET /api/v1/me HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 40000 + b"\r\n\r\n")
    alive(server, client)


def test_deeply_nested_json_is_a_400_for_a_viewer_and_changes_nothing(server, client, claim):
    viewer = client("viewer")
    order = claim(lambda o: o["actions"]["refund"]["enabled"], status="paid")
    deep = '{"expected_version":1,"reason":"x","a":' + "[" * 200000 + "]" * 200000 + "}"
    for number in ("ANY", order["number"]):
        r = viewer.request("POST", f"/api/v1/orders/{number}/refunds", data=deep,
                           headers={"Content-Type": "application/json"})
        assert r.status_code in (400, 413) and error_code(r) in ("invalid_json", "payload_too_large"), r.text
    shallow_enough = '{"expected_version":1,"reason":"x","a":' + "[" * 40 + "]" * 40 + "}"
    r = viewer.request("POST", f"/api/v1/orders/{order['number']}/refunds", data=shallow_enough,
                       headers={"Content-Type": "application/json"})
    assert r.status_code == 400 and error_code(r) == "invalid_json"
    assert "32" in r.json()["error"]["message"]
    alive(server, client)
    assert client("finance").order(order["number"])["refunds"] == order["refunds"]


def test_a_body_larger_than_its_route_is_refused_before_it_is_read(server, client):
    head = (b"POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            b"Content-Length: 104857600\r\n\r\n")
    before = rss_kib(server)
    with concurrent.futures.ThreadPoolExecutor(16) as pool:
        answers = list(pool.map(lambda _: exchange(server.port, head + b"{" * 4096), range(64)))
    assert all(status_of(a) == 413 for a in answers), answers[0][:200]
    assert b'"payload_too_large"' in answers[0] and b"Connection: close" in answers[0]
    assert rss_kib(server) - before < 64 * 1024
    alive(server, client)


def test_a_chunked_body_past_its_route_limit_ends_the_connection(server, client):
    chunk = b"%x\r\n%s\r\n" % (65536, b"x" * 65536)
    data = (b"POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            b"Transfer-Encoding: chunked\r\n\r\n") + chunk * 4
    assert exchange(server.port, data) == b""
    alive(server, client)


def test_the_import_upload_takes_a_large_body_only_from_an_admin(server, client):
    big = b"x" * (2 * 1024 * 1024)
    for who in (None, "support", "finance"):
        c = client(who) if who else Client(server.url)
        r = c.request("POST", "/api/v1/imports?file_name=a.csv", data=big, headers={"Content-Type": "text/csv"})
        assert r.status_code == (401 if who is None else 403), r.text
    alive(server, client)


def test_a_query_with_a_literal_at_sign_searches(server, client):
    c = client("viewer")
    some = c.orders(limit=5)
    email = next(o["email"] for o in some if o.get("email"))
    r = c.get(f"/api/v1/orders?q={email}")
    assert r.status_code == 200, r.text
    items = r.json()["items"]
    assert items and all(o["email"] == email for o in items)


@pytest.mark.parametrize("query,named", [
    ("?colour=red", "colour"),
    ("?q=a&q=b", "q"),
    ("?q=%zz", "q"),
    ("?q=%C3%28", "q"),
    ("?q=a%20b&limit=5&=x", "="),
    ('?q="quoted"', "q"),
])
def test_a_query_that_cannot_be_read_or_is_unknown_is_a_400_naming_it(server, client, query, named):
    viewer = client("viewer")
    cookies = "; ".join(f"{k}={v}" for k, v in viewer.http.cookies.items())
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    # http.client sends the target as given; requests would percent-encode it first.
    connection.request("GET", "/api/v1/orders" + query, headers={**viewer.headers("GET"), "Cookie": cookies})
    answer = connection.getresponse()
    body = json.loads(answer.read())
    assert answer.status == 400 and body["error"]["code"] == "invalid_query", body
    if named != "=":
        assert named in body["error"]["message"]


def test_a_post_with_an_unknown_query_parameter_changes_nothing(server, client, claim):
    support = client("support")
    order = claim(lambda o: o["contact"]["email"], role="support")
    r = support.patch(f"/api/v1/orders/{order['number']}/contact?force=1",
                      {"expected_version": order["version"], "name": "Someone Else"})
    assert r.status_code == 400 and error_code(r) == "invalid_query"
    assert support.order(order["number"])["version"] == order["version"]


def test_connections_per_address_are_capped_and_others_are_served(workdir, make_database):
    s = Server(make_database("caps"), workdir, demo=False, extra=["--max-connections-per-client", "20"]).start()
    try:
        held = []
        for _ in range(60):
            sock = socket.create_connection(("127.0.0.1", s.port), timeout=5, source_address=("127.0.0.2", 0))
            held.append(sock)

        def refused(sock):
            try:
                sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
                return sock.recv(100) == b""
            except OSError:
                return True
        outcomes = [refused(sock) for sock in held[20:]]
        assert all(outcomes)
        assert requests.get(s.url + "/healthz", timeout=5).status_code == 200
        held[0].sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
        assert held[0].recv(100).startswith(b"HTTP/1.1 200")
        for sock in held:
            sock.close()
        wait_until(lambda: exchange(s.port, b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                                    source="127.0.0.2").startswith(b"HTTP/1.1 200"), what="address admitted again")
    finally:
        s.stop()


def test_headers_sent_too_slowly_end_the_connection(workdir, make_database):
    s = Server(make_database("slow"), workdir, demo=False, extra=["--header-time-limit", "1"]).start()
    try:
        with socket.create_connection(("127.0.0.1", s.port), timeout=5) as sock:
            sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")
            started = time.monotonic()
            closed = False
            for i in range(40):  # a slow client: one header line every 0.2 s, never finishing
                try:
                    sock.sendall(b"X-%d: y\r\n" % i)
                    time.sleep(0.2)
                    sock.setblocking(False)
                    try:
                        closed = sock.recv(100) == b""
                    except BlockingIOError:
                        pass
                    sock.setblocking(True)
                except (BrokenPipeError, ConnectionResetError):
                    closed = True
                if closed:
                    break
            assert closed and time.monotonic() - started < 5
        assert requests.get(s.url + "/healthz", timeout=5).status_code == 200
    finally:
        s.stop()
