"""The preferences and unsubscribe links in every email refuse, with a clear page, a link
that was altered (400) or is past its age (410), and change nothing when they do."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine

from django.test import Client

from newsletter import tokens
from newsletter.models import Subscriber

NOW = datetime(2012, 10, 20, 9, 30, tzinfo=UTC)
KINDS = ["preferences", "unsubscribe"]


def tamper(token: str) -> str:
    """The same link with its last characters changed, as a bad copy and paste might."""
    return token[:-3] + ("abc" if token[-3:] != "abc" else "xyz")


def attempts(kind: str, token: str):
    """Opening the link, and posting from it (for unsubscribe, as a mail client's one-click
    unsubscribe does: no cookie, no CSRF token)."""
    url = f"/newsletter/{kind}/{token}/"
    client = Client(enforce_csrf_checks=kind == "unsubscribe")
    post = {"leave": "1"} if kind == "preferences" else {"List-Unsubscribe": "One-Click"}
    return [client.get(url), client.post(url, post), client.post(url, {"paused": "on"})]


def assert_untouched(subscriber: Subscriber):
    stored = Subscriber.objects.get(pk=subscriber.pk)
    assert not stored.paused and stored.all_sectors


@pytest.mark.django_db
@pytest.mark.parametrize("kind", KINDS)
def test_a_tampered_link_is_refused_with_a_clear_page(make_subscriber, home_page, kind):
    subscriber = make_subscriber("reader@example.org")
    token = tamper(tokens.make_token(subscriber, tokens.MANAGE))
    for response in attempts(kind, token):
        assert response.status_code == 400
        html = response.content.decode()
        assert "This link does not work" in html
        assert "Open it again from the email" in html
    assert_untouched(subscriber)


@pytest.mark.django_db
@pytest.mark.parametrize("kind", KINDS)
def test_a_revoked_link_is_refused_like_a_tampered_one(make_subscriber, home_page, kind):
    subscriber = make_subscriber("reader@example.org")
    token = tokens.make_token(subscriber, tokens.MANAGE)
    Subscriber.objects.filter(pk=subscriber.pk).update(key="a-new-key")
    for response in attempts(kind, token):
        assert response.status_code == 400
        assert "This link does not work" in response.content.decode()
    assert_untouched(subscriber)


@pytest.mark.django_db
@pytest.mark.parametrize("kind", KINDS)
def test_an_expired_link_is_refused_with_a_clear_page(make_subscriber, home_page, settings, kind):
    settings.NEWSLETTER_LINK_MAX_AGE = 400 * 24 * 60 * 60
    subscriber = make_subscriber("reader@example.org")
    with time_machine.travel(NOW, tick=False):
        token = tokens.make_token(subscriber, tokens.MANAGE)
    with time_machine.travel(NOW + timedelta(days=399), tick=False):
        assert Client().get(f"/newsletter/{kind}/{token}/").status_code == 200  # still valid
    with time_machine.travel(NOW + timedelta(days=401), tick=False):
        responses = attempts(kind, token)
    for response in responses:
        assert response.status_code == 410
        html = response.content.decode()
        assert "This link has expired" in html
        assert 'href="/newsletter/subscribe/"' in html  # the way to a fresh link
    assert_untouched(subscriber)


@pytest.mark.django_db
@pytest.mark.parametrize("kind", KINDS)
def test_a_confirmation_link_cannot_stand_in_for_these(make_subscriber, home_page, kind):
    subscriber = make_subscriber("reader@example.org", confirmed=False)
    token = tokens.make_token(subscriber, tokens.CONFIRM)
    for response in attempts(kind, token):
        assert response.status_code == 400
    assert Subscriber.objects.filter(pk=subscriber.pk).exists()
