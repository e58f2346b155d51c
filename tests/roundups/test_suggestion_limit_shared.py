"""The suggestion limit holds across processes: every gunicorn worker and every app server
counts in the one shared cache, and concurrent posts cannot all slip under the limit."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from roundups.suggesting import SUGGESTIONS_PER_HOUR
from tests.roundups.test_roundups_suggestions import VALID
from tests.servers import redis_server

CHECKOUT = Path(__file__).resolve().parents[2]

# One app process: six concurrent suggestions from one reader, through the shared cache.
APP_PROCESS = """
import sys
from concurrent.futures import ThreadPoolExecutor

import django

django.setup()
from django.test import RequestFactory, override_settings

from roundups.suggesting import take_submission_slot

redis = {"BACKEND": "core.redis_cache.RedisCache", "LOCATION": sys.argv[1]}
with override_settings(CACHES={"default": redis}):
    request = RequestFactory().post("/roundups/suggest-a-post/", REMOTE_ADDR="203.0.113.9")
    sys.stdin.read()  # start together
    with ThreadPoolExecutor(6) as pool:
        accepted = sum(pool.map(lambda _: take_submission_slot(request), range(6)))
print(accepted)
"""


@pytest.fixture
def redis(tmp_path):
    server = redis_server(tmp_path)
    yield server
    server.stop()


def test_two_processes_share_one_count_and_accept_no_more_than_the_limit(redis):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "settings.test",
        "PYTHONPATH": os.pathsep.join([str(CHECKOUT / "site"), str(CHECKOUT)]),
    }
    processes = [
        subprocess.Popen(  # noqa: S603
            [sys.executable, "-c", APP_PROCESS, redis.url],
            env=env,
            cwd=CHECKOUT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    outputs = [process.communicate("go", timeout=120) for process in processes]
    for process, (_, errors) in zip(processes, outputs, strict=True):
        assert process.returncode == 0, errors
    accepted = [int(out.strip()) for out, _ in outputs]
    assert sum(accepted) == SUGGESTIONS_PER_HOUR  # 12 tried, 5 accepted in all


@pytest.mark.django_db
def test_suggestion_limit_behind_a_proxy_counts_each_reader_separately(
    settings, client, suggestion_page
):
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = {"REMOTE_ADDR": "10.0.0.2"}
    for _ in range(5):
        reader = {**proxy, "HTTP_X_FORWARDED_FOR": "203.0.113.9"}
        assert client.post(suggestion_page.url, VALID, **reader).status_code == 302
    refused = client.post(suggestion_page.url, VALID, **proxy, HTTP_X_FORWARDED_FOR="203.0.113.9")
    assert refused.status_code == 429
    other = client.post(suggestion_page.url, VALID, **proxy, HTTP_X_FORWARDED_FOR="198.51.100.7")
    assert other.status_code == 302
