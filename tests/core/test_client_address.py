"""One notion of the reader's address behind reverse proxies, for every per-address limit."""

import pytest
from axes.helpers import get_client_ip_address

from django.test import RequestFactory

from core.net import client_ip

FORWARDED = {"REMOTE_ADDR": "10.0.0.2", "HTTP_X_FORWARDED_FOR": "6.6.6.6, 203.0.113.9"}


def request(**meta):
    return RequestFactory().get("/", **meta)


def test_without_trusted_proxies_the_forwarded_header_is_ignored(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_ip(request(**FORWARDED)) == "10.0.0.2"


def test_behind_one_proxy_the_address_it_appended_is_the_reader(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    # "6.6.6.6" was typed by the client; only the proxy's own entry is believed.
    assert client_ip(request(**FORWARDED)) == "203.0.113.9"


def test_behind_two_proxies_the_second_entry_from_the_right_is_the_reader(settings):
    settings.TRUSTED_PROXY_COUNT = 2
    meta = {"REMOTE_ADDR": "10.0.0.3", "HTTP_X_FORWARDED_FOR": "6.6.6.6, 203.0.113.9, 10.0.0.2"}
    assert client_ip(request(**meta)) == "203.0.113.9"


@pytest.mark.parametrize("count", [0, 1])
def test_login_throttling_counts_the_same_address(settings, count):
    settings.TRUSTED_PROXY_COUNT = count
    assert get_client_ip_address(request(**FORWARDED)) == client_ip(request(**FORWARDED))
