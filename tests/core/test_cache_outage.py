"""While Redis (the shared cache) is down, or reachable but not answering, pages answer the
same plain 503 page with Retry-After as during a database outage, within the cache's
timeouts; the outage is logged once, not as a traceback per request, and the site recovers
by itself when Redis returns. The cache is production's (settings.environment.redis_cache) on a
Redis server the test starts and stops."""

import logging
import socket
import time

import pytest

from django.test import Client

from core.faults import CACHE_OUTAGE
from scripts.services import RedisServer
from settings.environment import redis_cache
from tests.servers import redis_server

pytestmark = pytest.mark.django_db


@pytest.fixture
def outage_state():
    CACHE_OUTAGE.since = None
    yield
    CACHE_OUTAGE.since = None


def reader() -> Client:
    # Errors are answered as a server would answer them, not raised into the test.
    return Client(raise_request_exception=False)


def assert_plain_503(response) -> None:
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert response["Cache-Control"] == "no-store"
    body = response.content.decode()
    assert "Back in a moment" in body
    assert "cannot reach its cache" in body
    assert "Traceback" not in body and "redis" not in body.lower()


def test_a_redis_outage_answers_503_logs_once_and_recovers(
    home_page, settings, tmp_path, caplog, outage_state
):
    address = home_page.url
    server = redis_server(tmp_path)
    settings.CACHES = {"default": redis_cache(server.url)}
    try:
        assert reader().get(address).status_code == 200
        server.stop()
        with caplog.at_level(logging.WARNING):
            for _ in range(3):
                assert_plain_503(reader().get(address))
            health = reader().get("/healthz")
        assert health.status_code == 503
        assert health.json()["cache"] == "failing"
        unavailable = [r for r in caplog.records if "Cache unavailable" in r.getMessage()]
        assert len(unavailable) == 1
        assert not [r for r in caplog.records if r.exc_info], "no traceback while it is down"

        caplog.clear()
        server = RedisServer(tmp_path, port=server.port)
        with caplog.at_level(logging.WARNING):
            assert reader().get(address).status_code == 200
        assert any("Cache back after" in r.getMessage() for r in caplog.records)
    finally:
        server.stop()


def test_a_redis_that_accepts_but_never_answers_gives_503_within_its_timeout(
    home_page, settings, outage_state
):
    """A hung server (or a network that drops replies) must not hold the worker until
    gunicorn kills it: the socket timeout (REDIS_TIMEOUT, 2 s) ends the wait."""
    address = home_page.url  # Wagtail keeps the site's root paths in the cache too
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(16)  # connections queue, nothing is ever read or answered
        settings.CACHES = {"default": redis_cache(f"redis://127.0.0.1:{silent.getsockname()[1]}/0")}
        started = time.monotonic()
        response = reader().get(address)
        elapsed = time.monotonic() - started
    assert_plain_503(response)
    assert elapsed < 10
