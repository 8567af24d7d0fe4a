"""Secrets from the environment or a file instead of the command line, /metrics closed to strangers, and
links in e-mails that follow the port actually served."""
import os
import subprocess

import pytest
import requests

from support import BINARY, Client, Server, free_port
from test_providers import SECRET, fake_requests, order_paid_with, refund
from test_webhooks import fake  # noqa: F401  (the fake provider fixture)


def test_metrics_without_a_token_answer_a_local_peer_only(server, workdir, make_database):
    assert requests.get(f"{server.url}/metrics", timeout=10).status_code == 200
    behind_proxy = Server(make_database("metrics-proxy"), workdir, demo=False,
                          extra=["--trusted-proxy", "127.0.0.0/8"]).start()
    try:
        r = requests.get(f"{behind_proxy.url}/metrics", headers={"X-Forwarded-For": "127.0.0.1"}, timeout=10)
        assert r.status_code == 403 and r.json()["error"]["code"] == "forbidden"
    finally:
        behind_proxy.stop()


def test_metrics_with_a_token_from_a_file_need_that_bearer_token(workdir, make_database, tmp_path):
    token_file = tmp_path / "metrics-token"
    token_file.write_text("  metrics-s3cret-token\n")
    s = Server(make_database("metrics-token"), workdir, demo=False,
               env={"BOXOFFICE_METRICS_TOKEN_FILE": str(token_file)}).start()
    try:
        url = f"{s.url}/metrics"
        assert requests.get(url, timeout=10).status_code == 401
        assert requests.get(url, headers={"Authorization": "Bearer wrong"}, timeout=10).status_code == 401
        ok = requests.get(url, headers={"Authorization": "Bearer metrics-s3cret-token"}, timeout=10)
        assert ok.status_code == 200 and "# TYPE" in ok.text
    finally:
        s.stop()
    with open(s.log_path, encoding="utf-8", errors="replace") as log:
        assert "metrics-s3cret-token" not in log.read()


def test_provider_keys_from_the_environment_and_a_file_reach_the_provider(workdir, make_database, fake, tmp_path):
    key_file = tmp_path / "stripe-key"
    key_file.write_text("sk_test_fake\n")
    env = {"BOXOFFICE_STRIPE_KEY_FILE": str(key_file), "BOXOFFICE_STRIPE_WEBHOOK_SECRET": SECRET,
           "BOXOFFICE_MOLLIE_KEY": "test_fake"}
    s = Server(make_database("secrets"), workdir, demo=True, env=env,
               extra=["--stripe-url", fake, "--mollie-url", fake]).start()
    try:
        assert "_fake" not in " ".join(s.args())
        requests.delete(f"{fake}/_control/requests")
        c, o = order_paid_with(s, "stripe", "pi_ok_env")
        assert refund(c, o, amount=300).json()["status"] == "succeeded"
        c, o = order_paid_with(s, "mollie", "tr_ok_env")
        assert refund(c, o, amount=300).status_code == 201
        auth = {x["path"].split("/")[1]: {k.lower(): v for k, v in x["headers"].items()}["authorization"]
                for x in fake_requests(fake, "/v")}
        assert auth == {"v1": "Bearer sk_test_fake", "v2": "Bearer test_fake"}
    finally:
        s.stop()
    with open(s.log_path, encoding="utf-8", errors="replace") as log:
        text = log.read()
    assert "test_fake" not in text


def test_the_database_url_from_the_environment(workdir, make_database):
    class DatabaseFromEnvironment(Server):
        def args(self):
            a = super().args()
            i = a.index("--db")
            return a[:i] + a[i + 2:]
    db = make_database("db-env")
    s = DatabaseFromEnvironment(db, workdir, demo=True, env={"BOXOFFICE_DB": db}).start()
    try:
        Client(s.url).login("admin@demo.test")
    finally:
        s.stop()


def test_a_variable_and_its_file_together_are_refused_without_showing_the_value(workdir, tmp_path):
    key_file = tmp_path / "key"
    key_file.write_text("sk_from_file")
    env = {**os.environ, "BOXOFFICE_STRIPE_KEY": "sk_from_env_value", "BOXOFFICE_STRIPE_KEY_FILE": str(key_file)}
    r = subprocess.run([BINARY, "serve", "--db", f"sqlite:{tmp_path}/x.db", "--port", str(free_port())], env=env,
                       capture_output=True, text=True, timeout=30, cwd=workdir)
    assert r.returncode != 0
    assert "BOXOFFICE_STRIPE_KEY_FILE" in r.stderr + r.stdout
    assert "sk_from_env_value" not in r.stderr + r.stdout and "sk_from_file" not in r.stderr + r.stdout
    missing = subprocess.run([BINARY, "serve", "--db", f"sqlite:{tmp_path}/y.db", "--port", str(free_port())],
                             env={**os.environ, "BOXOFFICE_MOLLIE_KEY_FILE": str(tmp_path / "absent")},
                             capture_output=True, text=True, timeout=30, cwd=workdir)
    assert missing.returncode != 0 and "BOXOFFICE_MOLLIE_KEY_FILE" in missing.stderr + missing.stdout


def test_the_public_url_defaults_to_the_port_served(workdir, make_database):
    s = Server(make_database("public-url"), workdir, demo=True, public_url=False).start()
    try:
        c = Client(s.url).login("admin@demo.test")
        r = c.post("/api/v1/organisation/email-preview", {"kind": "personalisation_link"})
        assert r.status_code == 200, r.text
        assert f"http://localhost:{s.port}/p/" in r.json()["text"]
        assert "localhost:8080" not in r.json()["text"]
    finally:
        s.stop()
