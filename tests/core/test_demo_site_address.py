"""The demo Site answers at the address `make run` serves, so every absolute link works."""

import re
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from wagtail.models import Page, Site

from essays.models import SeriesPage
from guests.models import GuestPostPage
from people.models import Sector
from roundups.models import RoundupPage

ADDRESS = "http://127.0.0.1:8123"
CHECKOUT = Path(__file__).resolve().parents[2]


@pytest.fixture
def demo(db):
    call_command("load_demo_content", password="demo-pass-1", site_address=ADDRESS, stdout=None)


# Hosts the demo's content itself links to (the bloggers' posts, officials' accounts):
# every other absolute link must be the demo's own address.
OUTSIDE_HOSTS = {"https://example.org", "https://twitter.com"}
LINK = re.compile(r"https?://[^\s\"'<>)]+")
# XML namespace names are identifiers, not links (RSS's dc:, Atom's, the sitemap's, SVG's).
NAMESPACE = re.compile(r"""\bxmlns(:\w+)?=["'][^"']*["']""")
FOLLOWED = re.compile(
    rf"""href=["'](?:{re.escape(ADDRESS)})?(/[^"']*(?:feed|you-said-we-did)[^"']*)["']"""
)


def hosts_linked(text: str) -> set[str]:
    """scheme://host[:port] of every absolute link in `text`."""
    return {
        f"{urlsplit(link).scheme}://{urlsplit(link).netloc}"
        for link in LINK.findall(NAMESPACE.sub("", text))
    }


def crawl(client) -> dict[str, str]:
    """Every live page, the sitemap, and every feed or "you said, we did" page they link
    to (the essay, series, roundup, sector and answers feeds), as path -> text."""
    sectors = [f"/roundups/sectors/{sector.slug}/feed/atom/" for sector in Sector.objects.all()]
    pages = [page.url for page in Page.objects.live().public().filter(depth__gt=1)]
    to_read, read = [*pages, "/sitemap.xml", *sectors], {}
    while to_read:
        path = to_read.pop()
        if path in read:
            continue
        response = client.get(path)
        assert response.status_code == 200, f"{path} answered {response.status_code}"
        read[path] = response.content.decode()
        to_read += FOLLOWED.findall(read[path])
    return read


@pytest.mark.django_db
def test_every_absolute_link_in_pages_feeds_and_sitemap_is_the_demo_or_named_outside(client, demo):
    read = crawl(client)
    feeds = {path for path in read if "/feed/" in path}
    series = [page.url for page in Page.objects.live().type(SeriesPage)]
    assert series and all(f"{url}feed/" in feeds for url in series), "the series feed is read"
    assert {"/essays/feed/", "/roundups/feed/", "/roundups/feed/atom/"} <= feeds
    assert any("you-said-we-did/feed/" in path for path in feeds), "the answers feed is read"
    for path, text in read.items():
        strays = hosts_linked(text) - {ADDRESS} - OUTSIDE_HOSTS
        assert not strays, f"{path} links {strays}"
    roundup = RoundupPage.objects.live().first()
    assert f'<link rel="canonical" href="{ADDRESS}{roundup.url}">' in read[roundup.url]


@pytest.mark.django_db
def test_the_guest_approval_email_links_to_the_served_address(client, demo, settings):
    # `make run` gives the admin the same address as the Site (WAGTAILADMIN_BASE_URL).
    settings.WAGTAILADMIN_BASE_URL = ADDRESS
    draft = GuestPostPage.objects.get(live=False)
    state = draft.current_workflow_state
    client.force_login(get_user_model().objects.get(username="editor"))
    mail.outbox.clear()
    client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[draft.pk, "approve", state.current_task_state.pk],
        ),
        {"comment": "Thank you."},
    )
    draft = Page.objects.get(pk=draft.pk)
    assert draft.live
    to_guest = [email for email in mail.outbox if "guest@example.org" in email.to]
    assert to_guest and "approved" in to_guest[-1].subject
    assert f"{ADDRESS}{draft.url}" in to_guest[-1].body
    for email in mail.outbox:
        bodies = [email.body] + [content for content, _type in getattr(email, "alternatives", [])]
        for body in bodies:
            assert hosts_linked(body) <= {ADDRESS}, f"“{email.subject}” links {hosts_linked(body)}"


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
