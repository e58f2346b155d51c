"""While PostgreSQL is down the site answers a plain 503 page with Retry-After, logs the
outage once rather than a traceback per request, and recovers by itself when it returns."""

import json
import time

import pytest

from tests.deploy.conftest import fetch

pytestmark = pytest.mark.slow


def wait_for(server, path: str, status: int, seconds: float = 60) -> float:
    """Ask until `path` answers `status`; return how long that took."""
    start = time.monotonic()
    while time.monotonic() - start < seconds:
        if fetch(server.url, path).status == status:
            return time.monotonic() - start
        time.sleep(0.25)
    raise AssertionError(f"{path} did not answer {status} within {seconds} s")


def test_a_database_outage_answers_503_once_logged_and_recovers(deployment):
    server, _, postgres = deployment
    assert fetch(server.url, "/").status == 200
    log_before = server.log.read_text()

    postgres.stop()
    try:
        replies = [fetch(server.url, path) for path in ["/", "/essays/", "/search/?q=nhs"] * 4]
        for reply in replies:
            assert reply.status == 503
            assert reply.headers["Retry-After"] == "30"
            assert "Back in a moment" in reply.text
            assert "Traceback" not in reply.text and "psycopg" not in reply.text
        health = fetch(server.url, "/healthz")
        assert health.status == 503
        assert json.loads(health.body)["database"] == "failing"
        assert "Traceback" not in health.text
        # What needs no database still works.
        assert fetch(server.url, "/robots.txt").status == 200
    finally:
        postgres.start()

    seconds = wait_for(server, "/", 200)
    assert seconds < 30
    assert fetch(server.url, "/healthz").status == 200

    log = server.log.read_text()[len(log_before) :]
    workers = 2
    assert 1 <= log.count("Database unavailable") <= workers
    assert "Traceback" not in log
    assert "Database back after" in log
