"""The subscribe box has no CSRF token (the pages showing it are cached for everyone), so
a post must show it came from this site: a form on another site cannot subscribe anyone.
The preferences page, reached by a private link, keeps Django's CSRF token."""

import re

import pytest

from django.core import mail
from django.core.cache import cache
from django.test import Client

from newsletter import tokens
from newsletter.models import Subscriber

SUBSCRIBE = "/newsletter/subscribe/"
EVIL = "https://evil.example"


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


def post(headers: dict, email="nurse@example.org", **fields):
    client = Client(enforce_csrf_checks=True)
    return client.post(SUBSCRIBE, {"email": email, **fields}, REMOTE_ADDR="203.0.113.9", **headers)


def assert_refused(response, email="nurse@example.org"):
    assert response.status_code == 403
    html = response.content.decode()
    assert "did not come from a page of this site" in html
    assert "press Subscribe on this page" in html
    assert f'value="{email}"' in html  # what they typed is kept
    assert not Subscriber.objects.exists()
    assert mail.outbox == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_SEC_FETCH_SITE": "cross-site", "HTTP_ORIGIN": EVIL},
        {"HTTP_SEC_FETCH_SITE": "cross-site"},
        {"HTTP_SEC_FETCH_SITE": "same-site", "HTTP_ORIGIN": "http://blog.testserver"},
        {"HTTP_ORIGIN": EVIL},
        {"HTTP_ORIGIN": "null"},  # a sandboxed frame or a data: page
        {"HTTP_ORIGIN": "https://testserver"},  # another scheme is another origin
        {"HTTP_REFERER": f"{EVIL}/newsletter/subscribe/"},
        {},  # nothing to show where it came from: a script, or a very old browser
    ],
    ids=[
        "fetch-cross-site",
        "fetch-cross-site-alone",
        "fetch-same-site",
        "origin-other-site",
        "origin-null",
        "origin-other-scheme",
        "referer-other-site",
        "no-headers",
    ],
)
def test_a_post_from_another_site_is_refused_and_stores_nothing(sectors, headers):
    assert_refused(post(headers, sectors=[sectors["health"].pk], essays="on"))


def checkbox(html: str, name: str, value: str) -> str:
    (tag,) = re.findall(rf'<input[^>]*name="{name}"[^>]*value="{value}"[^>]*>', html) or re.findall(
        rf'<input[^>]*value="{value}"[^>]*name="{name}"[^>]*>', html
    )
    return tag


@pytest.mark.django_db
def test_the_refusal_keeps_every_choice_for_a_second_try(sectors):
    health, policing = sectors["health"].pk, sectors["policing"].pk
    html = post(
        {"HTTP_ORIGIN": EVIL}, sectors=[health], essays="on", website="spam.example"
    ).content.decode()
    assert "checked" in checkbox(html, "sectors", health)
    assert "checked" not in checkbox(html, "sectors", policing)
    (essays,) = re.findall(r'<input[^>]*name="essays"[^>]*>', html)
    assert "checked" in essays
    assert "spam.example" not in html  # the honeypot is never filled back in
    assert 'action="/newsletter/subscribe/"' in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_SEC_FETCH_SITE": "same-origin", "HTTP_ORIGIN": "http://testserver"},
        {"HTTP_SEC_FETCH_SITE": "same-origin"},
        {"HTTP_ORIGIN": "http://testserver"},
        {"HTTP_REFERER": "http://testserver/roundups/2012/10/19/"},
    ],
    ids=["fetch-same-origin", "fetch-alone", "origin-alone", "referer-alone"],
)
def test_a_post_from_this_site_subscribes(sectors, headers):
    response = post(headers)
    assert response.status_code == 200
    assert "Check your inbox" in response.content.decode()
    assert Subscriber.objects.get().email == "nurse@example.org"
    assert [message.to for message in mail.outbox] == [["nurse@example.org"]]


@pytest.mark.django_db
def test_a_trusted_origin_from_settings_subscribes(sectors, settings):
    """Behind a proxy that rewrites the host, CSRF_TRUSTED_ORIGINS names the public one."""
    settings.CSRF_TRUSTED_ORIGINS = ["https://*.guerillapolicy.org"]
    refused = post({"HTTP_ORIGIN": "http://www.guerillapolicy.org"})  # not over HTTPS
    assert_refused(refused)
    response = post({"HTTP_ORIGIN": "https://www.guerillapolicy.org"})
    assert response.status_code == 200
    assert Subscriber.objects.get().email == "nurse@example.org"


@pytest.mark.django_db
def test_the_preferences_page_refuses_a_post_without_its_csrf_token(make_subscriber, sectors):
    subscriber = make_subscriber("reader@example.org")
    url = f"/newsletter/preferences/{tokens.make_token(subscriber, tokens.MANAGE)}/"
    client = Client(enforce_csrf_checks=True)
    forged = client.post(url, {"paused": "on"})
    assert forged.status_code == 403
    assert "CSRF verification failed" in forged.content.decode()
    left = client.post(url, {"leave": "1"})
    assert left.status_code == 403
    subscriber.refresh_from_db()
    assert not subscriber.paused

    # The page itself carries the token, and a post with it is saved.
    page = client.get(url)
    token = page.context["csrf_token"]
    saved = client.post(url, {"paused": "on", "csrfmiddlewaretoken": str(token)})
    assert saved.status_code == 302
    subscriber.refresh_from_db()
    assert subscriber.paused
