"""The abuse group: each test replays an attack or a careless client and asserts that the server is still up,
answers as documented and changed nothing. It shares the API suite's fixtures and helpers."""
import importlib.util
import os
import sys

API_DIR = os.path.join(os.path.dirname(__file__), "..", "api")
sys.path.insert(0, os.path.abspath(API_DIR))

_spec = importlib.util.spec_from_file_location("api_conftest", os.path.join(API_DIR, "conftest.py"))
_api = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_api)

pytest_report_header = _api.pytest_report_header
workdir, make_database, mailbox, server = _api.workdir, _api.make_database, _api.mailbox, _api.server
client, claim, setup_server = _api.client, _api.claim, _api.setup_server
