"""`boxoffice import`: exit codes, errors and preview on stdout, plain progress lines without a terminal,
a dry run that writes nothing, and a re-run that skips what exists."""
import subprocess

import pytest

from import_files import csv_text, find_by_ref, many_rows, seeded_database, unique_prefix
from support import BINARY, Client, Server


@pytest.fixture(scope="module")
def cli_db(workdir, make_database):
    return seeded_database(make_database("cli"), workdir)


def run(args, cwd):
    return subprocess.run([BINARY, "import", *args], capture_output=True, text=True, cwd=cwd, timeout=600)


def write(tmp_path, text, name="orders.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_usage_errors_exit_with_2(cli_db, tmp_path, workdir):
    f = write(tmp_path, csv_text(many_rows(unique_prefix(), 1)))
    assert run([f, "--db", cli_db], workdir).returncode == 2  # no --org
    assert run([f, "--org", "demo", "--db", cli_db, "--no-such-flag"], workdir).returncode == 2
    r = run([f, "--org", "nobody", "--db", cli_db], workdir)
    assert r.returncode == 2 and 'No organisation with the slug "nobody"' in r.stderr
    r = run([str(tmp_path / "missing.csv"), "--org", "demo", "--db", cli_db], workdir)
    assert r.returncode == 2 and "Cannot read" in r.stderr


def test_a_file_with_errors_exits_with_1_and_prints_the_first_50(cli_db, tmp_path, workdir):
    p = unique_prefix()
    rows = many_rows(p, 60, tickets_per_order=1)
    for row in rows:
        row["email"] = "nobody-at-example.com"
    r = run([write(tmp_path, csv_text(rows)), "--org", "demo", "--db", cli_db], workdir)
    assert r.returncode == 1, r.stdout + r.stderr
    assert "60 errors:" in r.stdout
    assert '  line 2, email "nobody-at-example.com": Not a valid e-mail address.' in r.stdout
    assert '  line 51, email' in r.stdout and '  line 52, email' not in r.stdout
    assert "… and 10 more." in r.stdout
    assert "Nothing was imported." in r.stdout


def test_dry_run_writes_nothing_then_an_import_and_a_rerun(cli_db, tmp_path, workdir):
    p = unique_prefix()
    f = write(tmp_path, csv_text(many_rows(p, 3)))
    dry = run([f, "--org", "demo", "--db", cli_db, "--dry-run"], workdir)
    assert dry.returncode == 0, dry.stdout + dry.stderr
    assert "6 rows: 3 orders with 6 tickets to create." in dry.stdout
    assert "Arena Tour (generated) / Floor: 3 orders, 6 tickets" in dry.stdout
    assert "Dry run: the file is valid; nothing was written." in dry.stdout
    # Without a terminal, progress comes as plain lines (no carriage returns, no bar).
    assert "validating 100% 6/6 rows\n" in dry.stderr
    assert "\r" not in dry.stderr and "█" not in dry.stderr

    real = run([f, "--org", "demo", "--db", cli_db], workdir)
    assert real.returncode == 0, real.stdout + real.stderr
    assert "Imported 3 orders with 6 tickets" in real.stdout  # the dry run wrote nothing
    assert "writing 100%" in real.stderr

    again = run([f, "--org", "demo", "--db", cli_db], workdir)
    assert again.returncode == 0
    assert "3 order_refs exist already and are skipped (6 tickets)" in again.stdout
    assert "Imported 0 orders with 0 tickets" in again.stdout

    server = Server(cli_db, workdir, demo=False).start()
    try:
        c = Client(server.url).login("admin@demo.test")
        [order] = find_by_ref(c, f"{p}000001")
        detail = c.order(order["number"])
        assert (detail["source"], detail["status"], len(detail["tickets"])) == ("import", "paid", 2)
        history = c.get(f"/api/v1/orders/{order['number']}/history").json()["items"]
        [imported] = [h for h in history if h["type"] == "order_imported"]
        assert imported["actor"]["name"].startswith("Command line")
        assert imported["data"]["lines"] == [4, 5]
        imports = c.get("/api/v1/imports").json()["items"]
        assert [i["status"] for i in imports[:2]] == ["committed", "committed"]
    finally:
        server.stop()


def test_existing_refs_are_found_whether_the_file_or_the_organisation_has_more_orders(make_database, tmp_path,
                                                                                     workdir):
    # The organisation's existing references are read all at once when it has no more orders than the file,
    # and looked up one by one otherwise; both must find every order that exists.
    db = seeded_database(make_database("cli-refs"), workdir)
    p = unique_prefix()
    first = write(tmp_path, csv_text(many_rows(p, 400, tickets_per_order=1)), "first.csv")
    assert "Imported 400 orders" in run([first, "--org", "demo", "--db", db], workdir).stdout
    subset = write(tmp_path, csv_text(many_rows(p, 300, tickets_per_order=1)), "subset.csv")  # fewer than the org
    again = run([subset, "--org", "demo", "--db", db], workdir)
    assert "300 order_refs exist already and are skipped" in again.stdout, again.stdout
    assert "Imported 0 orders" in again.stdout
    larger = write(tmp_path, csv_text(many_rows(p, 2000, tickets_per_order=1)), "larger.csv")  # more than the org
    grown = run([larger, "--org", "demo", "--db", db], workdir)
    assert "400 order_refs exist already and are skipped" in grown.stdout, grown.stdout
    assert "Imported 1600 orders" in grown.stdout


def database_of_a_plain_role(url):
    """On PostgreSQL, a database owned by a role that is not a superuser; SQLite has no roles."""
    if not url.startswith("postgresql://"):
        return url
    server, db = url.rsplit("/", 1)
    role = db + "_owner"
    subprocess.run(["psql", url, "-q", "-c", f"CREATE ROLE {role} LOGIN NOSUPERUSER",
                    "-c", f"ALTER DATABASE {db} OWNER TO {role}", "-c", f"ALTER SCHEMA public OWNER TO {role}"],
                   check=True, capture_output=True)
    return server.replace("://postgres@", f"://{role}@") + "/" + db


def test_a_role_that_may_not_skip_foreign_key_checks_imports_with_them(make_database, tmp_path, workdir):
    # A superuser's import switches PostgreSQL's foreign key triggers off; any other role keeps them.
    url = seeded_database(database_of_a_plain_role(make_database("plainrole")), workdir)
    p = unique_prefix()
    r = run([write(tmp_path, csv_text(many_rows(p, 3))), "--org", "demo", "--db", url], workdir)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "Imported 3 orders with 6 tickets" in r.stdout
    server = Server(url, workdir, demo=False).start()
    try:
        c = Client(server.url).login("admin@demo.test")
        [order] = find_by_ref(c, f"{p}000002")
        assert len(c.order(order["number"])["tickets"]) == 2
    finally:
        server.stop()
