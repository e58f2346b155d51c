"""Subscribing, confirming, preferences and leaving, all by signed links, no account."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine

from django.core import mail
from django.core.cache import cache
from django.test import Client

from newsletter import tokens
from newsletter.models import Subscriber

from .conftest import FROM_THIS_SITE, links_in, path_of

SUBSCRIBE = "/newsletter/subscribe/"
NOW = datetime(2012, 10, 20, 9, 30, tzinfo=UTC)


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


def subscribe(client, email="nurse@example.org", *sectors, address="203.0.113.9", **extra):
    data = {"email": email, "sectors": [sector.pk for sector in sectors], **extra}
    return client.post(SUBSCRIBE, data, REMOTE_ADDR=address, **FROM_THIS_SITE)


def only_link(message) -> str:
    found = [link for link in links_in(message.body) if "/newsletter/" in link]
    assert len(found) == 1, message.body
    return path_of(found[0])


@pytest.mark.django_db
def test_subscribe_box_on_home_archive_and_roundup_pages(client, roundup, index_page, home_page):
    for page in (home_page, index_page, roundup):
        html = client.get(page.url).content.decode()
        assert 'action="/newsletter/subscribe/"' in html, page
        assert "Get the roundup by email" in html
        # No reader's token in it, so these pages stay shareable by caches.
        assert 'name="csrfmiddlewaretoken"' not in html
        for name in ("Social care", "Health", "Education"):
            assert name in html


@pytest.mark.django_db
def test_no_subscribe_box_on_pages_not_named_in_settings(client, roundup, settings):
    settings.NEWSLETTER_SIGNUP_PAGE_TYPES = ["home.HomePage"]
    assert "Get the roundup by email" not in client.get(roundup.url).content.decode()


@pytest.mark.django_db
@time_machine.travel(NOW, tick=False)
def test_subscribing_stores_consent_and_mails_a_confirmation_link_only(client, sectors, home_page):
    response = subscribe(client, "Nurse@Example.org", sectors["health"], essays="on")
    assert response.status_code == 200
    assert "Check your inbox" in response.content.decode()
    subscriber = Subscriber.objects.get()
    assert subscriber.email == "nurse@example.org"
    assert subscriber.consented_at == NOW
    assert subscriber.consent_address == "203.0.113.9"
    assert subscriber.confirmed_at is None
    assert subscriber.essays and not subscriber.all_sectors
    assert list(subscriber.sectors.all()) == [sectors["health"]]
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["nurse@example.org"]
    assert "Confirm your subscription" in mail.outbox[0].subject
    assert "/newsletter/confirm/" in only_link(mail.outbox[0])


@pytest.mark.django_db
def test_confirming_by_the_link_takes_a_button_press(client, sectors, home_page):
    subscribe(client)
    confirm = only_link(mail.outbox[0])
    page = client.get(confirm)
    assert page.status_code == 200
    assert "Yes, subscribe me" in page.content.decode()
    assert Subscriber.objects.get().confirmed_at is None  # a mail scanner's GET confirms nothing
    done = client.post(confirm)
    assert "You are subscribed" in done.content.decode()
    assert Subscriber.objects.get().confirmed_at is not None


@pytest.mark.django_db
def test_tampered_confirmation_link_is_refused_with_a_clear_page(client, sectors, home_page):
    subscribe(client)
    confirm = only_link(mail.outbox[0])
    token = confirm.rstrip("/").rsplit("/", 1)[1]
    tampered = confirm.replace(token, token[:-3] + ("abc" if token[-3:] != "abc" else "xyz"))
    for response in (client.get(tampered), client.post(tampered)):
        assert response.status_code == 400
        assert "This link does not work" in response.content.decode()
    assert Subscriber.objects.get().confirmed_at is None


@pytest.mark.django_db
def test_expired_confirmation_link_is_refused_with_a_clear_page(client, sectors, home_page):
    with time_machine.travel(NOW, tick=False):
        subscribe(client)
    confirm = only_link(mail.outbox[0])
    with time_machine.travel(NOW + timedelta(days=8), tick=False):
        response = client.post(confirm)
    assert response.status_code == 410
    assert "This link has expired" in response.content.decode()
    assert Subscriber.objects.get().confirmed_at is None


@pytest.mark.django_db
def test_a_confirmation_link_does_not_open_the_preferences(client, make_subscriber, home_page):
    subscriber = make_subscriber("reader@example.org")
    token = tokens.make_token(subscriber, tokens.CONFIRM)
    assert client.get(f"/newsletter/preferences/{token}/").status_code == 400


@pytest.mark.django_db
def test_resubscribing_when_subscribed_mails_the_preferences_link_and_changes_nothing(
    client, make_subscriber, sectors, home_page
):
    make_subscriber("reader@example.org", "health")
    response = subscribe(client, "reader@example.org", sectors["policing"])
    assert "Check your inbox" in response.content.decode()  # the same answer as for a new address
    subscriber = Subscriber.objects.get()
    assert [s.slug for s in subscriber.sectors.all()] == ["health"]
    assert "/newsletter/preferences/" in only_link(mail.outbox[0])


@pytest.mark.django_db
def test_preferences_change_sectors_and_pause(client, make_subscriber, sectors, home_page):
    subscriber = make_subscriber("reader@example.org")
    url = f"/newsletter/preferences/{tokens.make_token(subscriber, tokens.MANAGE)}/"
    page = client.get(url)
    assert "reader@example.org" in page.content.decode()
    response = client.post(
        url, {"sectors": [sectors["health"].pk, sectors["social-care"].pk], "paused": "on"}
    )
    assert response.status_code == 302
    assert "Saved." in client.get(response["Location"]).content.decode()
    subscriber.refresh_from_db()
    assert subscriber.paused and not subscriber.all_sectors
    assert {s.slug for s in subscriber.sectors.all()} == {"health", "social-care"}
    client.post(url, {"sectors": []})
    subscriber.refresh_from_db()
    assert subscriber.all_sectors and not subscriber.paused


@pytest.mark.django_db
def test_leaving_from_the_preferences_deletes_the_address(client, make_subscriber, home_page):
    subscriber = make_subscriber("reader@example.org")
    url = f"/newsletter/preferences/{tokens.make_token(subscriber, tokens.MANAGE)}/"
    response = client.post(url, {"leave": "1"})
    assert "You have left the roundup" in response.content.decode()
    assert not Subscriber.objects.exists()
    again = client.get(url)
    assert again.status_code == 410
    assert "no longer exists" in again.content.decode()


@pytest.mark.django_db
def test_one_click_unsubscribe_needs_no_csrf_token_but_a_signed_one(make_subscriber, home_page):
    client = Client(enforce_csrf_checks=True)
    subscriber = make_subscriber("reader@example.org")
    token = tokens.make_token(subscriber, tokens.MANAGE)
    forged = client.post(
        f"/newsletter/unsubscribe/{token[:-2]}zz/", {"List-Unsubscribe": "One-Click"}
    )
    assert forged.status_code == 400
    assert Subscriber.objects.exists()
    response = client.post(f"/newsletter/unsubscribe/{token}/", {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert not Subscriber.objects.exists()


@pytest.mark.django_db
def test_subscribing_without_a_token_only_mails_a_confirmation_link(sectors, home_page):
    """The box carries no CSRF token (cached pages); a post from this site's own page
    still subscribes nobody until the address's owner confirms."""
    client = Client(enforce_csrf_checks=True)
    response = subscribe(client)
    assert response.status_code == 200
    assert "Check your inbox" in response.content.decode()
    assert [message.to for message in mail.outbox] == [["nurse@example.org"]]
    assert not Subscriber.objects.filter(confirmed_at__isnull=False).exists()


@pytest.mark.django_db
def test_honeypot_filled_in_stores_and_sends_nothing(client, sectors, home_page):
    response = subscribe(client, website="http://spam.example")
    assert "Check your inbox" in response.content.decode()
    assert not Subscriber.objects.exists()
    assert mail.outbox == []


@pytest.mark.django_db
def test_bad_address_keeps_what_was_typed(client, sectors, home_page):
    response = subscribe(client, "not-an-address", sectors["health"], essays="on")
    assert response.status_code == 400
    html = response.content.decode()
    assert 'value="not-an-address"' in html
    assert "Enter a valid email address." in html
    assert f'value="{sectors["health"].pk}"' in html and "checked" in html
    assert not Subscriber.objects.exists()


@pytest.mark.django_db
def test_rate_limited_per_network_address(client, sectors, home_page):
    for number in range(10):
        assert subscribe(client, f"reader{number}@example.org").status_code == 200
    response = subscribe(client, "one-too-many@example.org")
    assert response.status_code == 429
    assert 'value="one-too-many@example.org"' in response.content.decode()
    assert subscribe(client, "elsewhere@example.org", address="198.51.100.1").status_code == 200
    assert Subscriber.objects.count() == 11


@pytest.mark.django_db
def test_rate_limited_per_email_address(client, sectors, home_page):
    for number in range(3):
        assert subscribe(client, address=f"198.51.100.{number}").status_code == 200
    assert subscribe(client, address="198.51.100.200").status_code == 429
    assert len(mail.outbox) == 3


@pytest.mark.django_db
def test_behind_a_proxy_each_reader_is_counted_and_recorded_by_their_own_address(
    client, sectors, home_page, settings
):
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = {"REMOTE_ADDR": "10.0.0.2", **FROM_THIS_SITE}
    for number in range(10):
        data = {"email": f"reader{number}@example.org"}
        reply = client.post(SUBSCRIBE, data, **proxy, HTTP_X_FORWARDED_FOR="203.0.113.9")
        assert reply.status_code == 200
    refused = client.post(
        SUBSCRIBE, {"email": "late@example.org"}, **proxy, HTTP_X_FORWARDED_FOR="203.0.113.9"
    )
    assert refused.status_code == 429
    other = client.post(
        SUBSCRIBE, {"email": "other@example.org"}, **proxy, HTTP_X_FORWARDED_FOR="198.51.100.7"
    )
    assert other.status_code == 200
    assert Subscriber.objects.get(email="other@example.org").consent_address == "198.51.100.7"


@pytest.mark.django_db
def test_a_forwarded_address_that_is_not_an_address_is_not_stored(
    client, sectors, home_page, settings
):
    settings.TRUSTED_PROXY_COUNT = 1
    reply = client.post(
        SUBSCRIBE,
        {"email": "nurse@example.org"},
        REMOTE_ADDR="10.0.0.2",
        HTTP_X_FORWARDED_FOR="not-an-address",
        **FROM_THIS_SITE,
    )
    assert reply.status_code == 200
    assert Subscriber.objects.get().consent_address is None
