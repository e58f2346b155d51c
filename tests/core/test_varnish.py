"""The shipped VCL in a real Varnish on loopback, in front of the test server.

Needs `varnishd` (Debian: apt-get install varnish). Without it the tests skip, saying so,
unless REQUIRE_VARNISH=1 (CI), which turns the skip into a failure.
"""

import http.client
import os
import re
import shutil
import socket
import subprocess
import time
from pathlib import Path

import pytest

from django.test import Client

from essays.factories import EssayIndexPageFactory, EssayPageFactory

VCL = Path(__file__).resolve().parents[2] / "deploy" / "varnish" / "default.vcl"
INSTALL_HINT = "varnishd was not found: apt-get install varnish to run the edge-cache tests."
HOST = "localhost"  # the test site's host name, which purges name

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def varnish(live_server, tmp_path_factory):
    """Varnish with the repository's VCL, its backend pointed at the live test server."""
    varnishd = shutil.which("varnishd") or shutil.which("varnishd", path="/usr/sbin")
    if varnishd is None:
        if os.environ.get("REQUIRE_VARNISH") == "1":
            pytest.fail(f"REQUIRE_VARNISH=1 but {INSTALL_HINT}")
        pytest.skip(INSTALL_HINT)
    work = tmp_path_factory.mktemp("varnish")
    backend_port = live_server.url.rsplit(":", 1)[1]
    vcl = work / "site.vcl"
    vcl.write_text(re.sub(r'\.port = "\d+";', f'.port = "{backend_port}";', VCL.read_text()))
    port = free_port()
    process = subprocess.Popen(  # noqa: S603 (the system varnishd, our own arguments)
        [varnishd, "-F", "-j", "none", "-n", str(work / "state")]
        + ["-a", f"127.0.0.1:{port}", "-f", str(vcl), "-s", "malloc,32m"]
        + ["-p", "ban_lurker_sleep=0.01"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 30
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                pytest.fail("varnishd did not start: " + process.stdout.read().decode())
            time.sleep(0.1)
    yield port
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture
def edge_settings(settings, varnish):
    settings.CACHE_S_MAXAGE = 3600
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{varnish}",
        }
    }
    return varnish


def fetch(port: int, path: str, method="GET", source="127.0.0.1", **headers):
    connection = http.client.HTTPConnection(
        "127.0.0.1", port, timeout=10, source_address=(source, 0)
    )
    connection.request(method, path, headers={"Host": HOST, **headers})
    response = connection.getresponse()
    body = response.read().decode()
    connection.close()
    return response, body


@pytest.fixture
def essay(home_page):
    index = EssayIndexPageFactory(parent=home_page, slug="essays")
    return EssayPageFactory(parent=index, title="Why policy fails", slug="why")


def test_readers_share_one_copy_whatever_their_cookies(edge_settings, essay):
    first, _ = fetch(edge_settings, essay.url)
    second, body = fetch(edge_settings, essay.url, Cookie="csrftoken=abc; _ga=1")
    assert first.getheader("X-Cache") == "MISS"
    assert second.getheader("X-Cache") == "HIT"
    assert "Why policy fails" in body


def test_signed_in_readers_go_past_the_cache(edge_settings, essay, editor):
    client = Client()
    client.force_login(editor)
    session = client.cookies["sessionid"].value
    fetch(edge_settings, essay.url)
    for _ in range(2):
        response, _ = fetch(edge_settings, essay.url, Cookie=f"sessionid={session}")
        assert response.getheader("X-Cache") == "MISS"
        assert "private" in response.getheader("Cache-Control")


def test_a_publish_is_visible_through_varnish_within_a_second(edge_settings, essay):
    index_url = essay.get_parent().url
    for path in (essay.url, index_url, index_url + "?page=1"):
        fetch(edge_settings, path)
        assert fetch(edge_settings, path)[0].getheader("X-Cache") == "HIT"
    essay.title = "Why policy succeeds"
    started = time.monotonic()
    essay.save_revision().publish()
    for path in (essay.url, index_url, index_url + "?page=1"):
        while "Why policy succeeds" not in fetch(edge_settings, path)[1]:
            assert time.monotonic() - started < 1, path
            time.sleep(0.02)


def test_an_unpublished_page_is_gone_within_a_second(edge_settings, essay):
    fetch(edge_settings, essay.url)
    started = time.monotonic()
    essay.unpublish()
    while fetch(edge_settings, essay.url)[0].status != 404:
        assert time.monotonic() - started < 1
        time.sleep(0.02)


def test_only_the_apps_address_may_purge(edge_settings, essay):
    fetch(edge_settings, essay.url)
    refused, _ = fetch(edge_settings, essay.url, method="PURGE", source="127.0.0.3")
    assert refused.status == 405
    assert fetch(edge_settings, essay.url)[0].getheader("X-Cache") == "HIT"
    accepted, _ = fetch(edge_settings, essay.url, method="PURGE")
    assert accepted.status == 200
    assert fetch(edge_settings, essay.url)[0].getheader("X-Cache") == "MISS"
