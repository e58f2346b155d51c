"""The demo Site answers at the address `make run` serves, so every absolute link works."""

import re
import subprocess
from pathlib import Path

import pytest

from django.core.management import call_command

from wagtail.models import Site

from essays.models import EssayIndexPage
from roundups.models import RoundupIndexPage, RoundupPage

ADDRESS = "http://127.0.0.1:8123"
CHECKOUT = Path(__file__).resolve().parents[2]


@pytest.fixture
def demo(db):
    call_command("load_demo_content", password="demo-pass-1", site_address=ADDRESS, stdout=None)


def absolute_links(text: str) -> set[str]:
    return set(re.findall(r"https?://[^/\"<\s]+", text))


@pytest.mark.django_db
def test_the_default_site_takes_the_served_host_and_port(demo):
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port, site.root_url) == ("127.0.0.1", 8123, ADDRESS)


@pytest.mark.django_db
def test_canonical_links_feeds_and_sitemap_all_point_at_the_served_address(client, demo):
    roundups = RoundupIndexPage.objects.get()
    essays = EssayIndexPage.objects.live().first()
    roundup = RoundupPage.objects.live().first()
    pages = {
        "roundup": client.get(roundup.url).content.decode(),
        "roundup feed": client.get(roundups.url + "feed/").content.decode(),
        "roundup atom feed": client.get(roundups.url + "feed/atom/").content.decode(),
        "sector feed": client.get(roundups.url + "sectors/health/feed/").content.decode(),
        "essay feed": client.get(essays.url + "feed/").content.decode(),
        "sitemap": client.get("/sitemap.xml").content.decode(),
    }
    for name, text in pages.items():
        hosts = absolute_links(text) - {"http://www.w3.org", "http://purl.org", "https://www"}
        ours = {host for host in hosts if "127.0.0.1" in host or "testserver" in host}
        assert ours == {ADDRESS}, f"{name} links {ours}"
    assert f'<link rel="canonical" href="{ADDRESS}{roundup.url}">' in pages["roundup"]


@pytest.mark.django_db
def test_loading_again_with_another_address_moves_the_site(demo):
    call_command(
        "load_demo_content", password="demo-pass-1", site_address="localhost:9000", stdout=None
    )
    assert Site.objects.get(is_default_site=True).root_url == "http://localhost:9000"


def test_make_run_loads_the_demo_at_its_host_and_port():
    plan = subprocess.run(  # noqa: S603
        ["make", "-n", "run", "HOST=0.0.0.0", "PORT=9001"],  # noqa: S607
        cwd=CHECKOUT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "load_demo_content --password 'guerilla-demo' --site-address 'http://0.0.0.0:9001'" in (
        plan
    )
    assert "runserver 0.0.0.0:9001" in plan
