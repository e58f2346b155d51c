"""The link reader (core.fetching) reads public HTML pages and refuses everything else."""

import time

import pytest

from core.fetching import FetchRefused, fetch_page
from tests.postserver import BARE_POST, post_server


@pytest.fixture
def served(settings):
    """Fixture posts on loopback, which the reader may reach only in these tests."""
    settings.LINK_FETCH_ALLOWED_NETWORKS = ["127.0.0.1/32"]
    with post_server() as base:
        yield base


@pytest.mark.parametrize(
    "address",
    [
        "http://127.0.0.1/",  # loopback
        "http://127.8.9.10:8000/",
        "http://[::1]/",
        "http://10.1.2.3/",  # private
        "http://172.16.0.1/",
        "http://192.168.1.1/",
        "http://[fd00::1]/",
        "http://169.254.169.254/latest/meta-data/",  # link-local: cloud metadata
        "http://[fe80::1]/",
        "http://[fd00:ec2::254]/",  # AWS's IPv6 metadata address
        "http://100.64.0.1/",  # carrier-grade NAT
        "http://0.0.0.0/",
        "http://224.0.0.1/",  # multicast
        "http://[::ffff:127.0.0.1]/",  # IPv4 inside IPv6
        "http://[64:ff9b::a00:1]/",  # NAT64 of 10.0.0.1
        "http://[2002:7f00:1::]/",  # 6to4 of 127.0.0.1
        "http://localhost/",  # a name resolving to loopback
    ],
)
def test_every_non_public_address_is_refused_before_connecting(address):
    with pytest.raises(FetchRefused, match="not a public web address"):
        fetch_page(address)


@pytest.mark.parametrize(
    "address",
    ["ftp://example.org/", "file:///etc/passwd", "javascript:alert(1)", "example.org", ""],
)
def test_only_http_and_https_addresses_are_read(address):
    with pytest.raises(FetchRefused, match="http:// or https://"):
        fetch_page(address)


def test_addresses_with_credentials_are_refused():
    with pytest.raises(FetchRefused, match="user name or password"):
        fetch_page("https://user:secret@example.org/")


def test_loopback_stays_refused_unless_allowed(settings):
    settings.LINK_FETCH_ALLOWED_NETWORKS = []
    with post_server() as base, pytest.raises(FetchRefused, match="not a public"):
        fetch_page(base + BARE_POST)


def test_an_allowed_page_is_read_whole(served):
    page = fetch_page(served + BARE_POST)
    assert page.url == served + BARE_POST
    assert b"This is comms 1.0." in page.content


@pytest.mark.parametrize(
    "target",
    [
        "http://10.0.0.5/admin",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]:5432/",
        "http://192.168.0.1/",
    ],
)
def test_a_redirect_into_a_private_range_is_refused(served, target):
    with pytest.raises(FetchRefused, match="not a public web address"):
        fetch_page(f"{served}/redirect?to={target}")


def test_a_redirect_to_a_public_page_is_followed(served):
    page = fetch_page(f"{served}/redirect?to={BARE_POST}")
    assert page.url == served + BARE_POST


def test_a_redirect_loop_stops(served):
    with pytest.raises(FetchRefused, match="redirects too many times"):
        fetch_page(f"{served}/loop")


def test_a_slow_server_times_out(served):
    started = time.monotonic()
    with pytest.raises(FetchRefused, match="too long"):
        fetch_page(f"{served}/slow?seconds=3", total_timeout=0.5)
    assert time.monotonic() - started < 2


def test_a_trickling_answer_is_cut_off_at_the_total_timeout(served):
    started = time.monotonic()
    with pytest.raises(FetchRefused, match="too long"):
        fetch_page(f"{served}/trickle", total_timeout=1)
    assert time.monotonic() - started < 2.5


def test_an_oversized_page_is_refused(served):
    with pytest.raises(FetchRefused, match="too large"):
        fetch_page(f"{served}/huge", max_bytes=1024 * 1024)


def test_an_oversized_declared_length_is_refused_without_reading(served):
    with pytest.raises(FetchRefused, match="too large"):
        fetch_page(served + BARE_POST, max_bytes=100)


def test_anything_but_html_is_refused(served):
    with pytest.raises(FetchRefused, match="not a web page"):
        fetch_page(f"{served}/picture.png")


def test_a_missing_page_says_what_the_blog_answered(served):
    with pytest.raises(FetchRefused, match="404"):
        fetch_page(f"{served}/no-such-post")


def test_the_limits_are_the_documented_ones():
    from core import fetching

    assert (fetching.CONNECT_TIMEOUT, fetching.TOTAL_TIMEOUT) == (3.0, 5.0)
    assert fetching.MAX_BYTES == 2 * 1024 * 1024


def test_a_blog_that_does_not_answer_the_connection_is_given_up_on(monkeypatch):
    """A host that never answers (a dropped SYN) is left after CONNECT_TIMEOUT seconds, with
    a message the editor can act on. The connection layer raises as the network would."""
    from core import fetching

    attempts = []

    def unanswered(address, timeout):
        attempts.append((address, timeout))
        raise TimeoutError("timed out")

    monkeypatch.setattr(fetching.socket, "create_connection", unanswered)
    with pytest.raises(FetchRefused) as refused:
        fetch_page("http://93.184.216.34/2012/10/post")
    assert str(refused.value) == "The blog did not answer in time: try again, or fill in by hand."
    assert attempts == [(("93.184.216.34", 80), fetching.CONNECT_TIMEOUT)]
