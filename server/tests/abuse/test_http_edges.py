"""Requests that break HTTP's own limits: the server refuses them and keeps serving everyone else."""
import socket

import requests


def raw_request(server, data, read=65536):
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as s:
        s.sendall(data)
        chunks = []
        try:
            while True:
                chunk = s.recv(read)
                if not chunk:
                    break
                chunks.append(chunk)
        except (ConnectionResetError, socket.timeout):
            pass
        return b"".join(chunks)


def test_an_oversized_header_is_refused_and_the_server_stays_up(server, client):
    raw_request(server, b"GET /api/v1/me HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 40000 + b"\r\n\r\n")
    assert requests.get(server.url + "/healthz", timeout=5).status_code == 200
    assert client("viewer").get("/api/v1/me").status_code == 200
