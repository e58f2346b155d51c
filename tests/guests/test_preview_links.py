"""Shareable, read-only preview links for one draft: expire, can be withdrawn, never indexed."""

from datetime import timedelta

import pytest
import time_machine

from django.urls import reverse
from django.utils import timezone

from guests.models import PreviewLink
from tests.guests.helpers import edit_url, post_form, refused


def links_url(page) -> str:
    return reverse("guests_preview_links", args=[page.pk])


@pytest.mark.django_db
def test_guest_shares_a_draft_that_a_colleague_reads_without_an_account(client, world):
    client.force_login(world.guest_a)
    assert links_url(world.draft_a) in client.get(edit_url(world.draft_a)).content.decode()
    client.post(links_url(world.draft_a))
    link = PreviewLink.objects.get(page=world.draft_a)
    listing = client.get(links_url(world.draft_a)).content.decode()
    assert link.token in listing

    # A later edit shows through the same link: the draft as it stands.
    client.post(edit_url(world.draft_a), post_form("Latest wording", slug=world.draft_a.slug))
    client.logout()
    response = client.get(reverse("guests:shared_preview", args=[link.token]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Latest wording" in html
    assert "Draft preview." in html
    assert '<meta name="robots" content="noindex, nofollow">' in html
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


@pytest.mark.django_db
def test_withdrawn_link_stops_working(client, world):
    client.force_login(world.guest_a)
    client.post(links_url(world.draft_a))
    link = PreviewLink.objects.get()
    client.post(links_url(world.draft_a), {"revoke": link.pk})
    client.logout()
    response = client.get(reverse("guests:shared_preview", args=[link.token]))
    assert response.status_code == 404
    assert "This preview link no longer works" in response.content.decode()
    assert world.draft_a.title not in response.content.decode()


@pytest.mark.django_db
def test_link_expires_after_seven_days(client, world):
    link = PreviewLink.objects.create(page=world.draft_a, created_by=world.guest_a)
    url = reverse("guests:shared_preview", args=[link.token])
    with time_machine.travel(timezone.now() + timedelta(days=6, hours=23)):
        assert client.get(url).status_code == 200
    with time_machine.travel(timezone.now() + timedelta(days=7, minutes=1)):
        assert client.get(url).status_code == 404


@pytest.mark.django_db
def test_unknown_token_gets_the_same_clear_page(client, world):
    response = client.get(reverse("guests:shared_preview", args=["not-a-real-token"]))
    assert response.status_code == 404
    assert "This preview link no longer works" in response.content.decode()


@pytest.mark.django_db
def test_other_guest_cannot_create_or_withdraw_links_to_a_draft_not_theirs(client, world):
    link = PreviewLink.objects.create(page=world.draft_a, created_by=world.guest_a)
    client.force_login(world.guest_b)
    assert refused(client.get(links_url(world.draft_a)))
    assert refused(client.post(links_url(world.draft_a)))
    assert refused(client.post(links_url(world.draft_a), {"revoke": link.pk}))
    link.refresh_from_db()
    assert link.is_active and PreviewLink.objects.count() == 1


@pytest.mark.django_db
def test_editor_can_share_a_guests_draft(client, world, editor):
    client.force_login(editor)
    client.post(links_url(world.draft_b))
    assert PreviewLink.objects.get().created_by == editor


@pytest.mark.django_db
def test_withdrawing_needs_the_link_to_belong_to_that_page(client, world):
    other = PreviewLink.objects.create(page=world.draft_b, created_by=world.guest_b)
    client.force_login(world.guest_a)
    response = client.post(links_url(world.draft_a), {"revoke": other.pk})
    assert response.status_code == 404
    other.refresh_from_db()
    assert other.is_active
