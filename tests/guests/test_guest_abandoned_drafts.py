"""Guests see only their own drafts left behind; editors see the guests' too, by name."""

from datetime import timedelta

import pytest

from django.utils import timezone

from wagtail.models import Page


def age(*pages, days: float = 2) -> None:
    Page.objects.filter(pk__in=[page.pk for page in pages]).update(
        latest_revision_created_at=timezone.now() - timedelta(days=days)
    )


@pytest.mark.django_db
def test_a_guest_sees_only_their_own_draft_left_behind(client, world):
    age(world.draft_a, world.draft_b)
    client.force_login(world.guest_a)
    html = client.get("/admin/").content.decode()
    assert "Drafts you left behind" in html
    assert f'<a href="/admin/pages/{world.draft_a.pk}/edit/">Alice draft zebrafinch</a>' in html
    assert "Bob draft marmoset" not in html
    assert "left by" not in html


@pytest.mark.django_db
def test_an_editor_sees_every_guests_draft_left_behind_with_their_name(client, world, editor):
    age(world.draft_a, world.draft_b)
    client.force_login(editor)
    html = client.get("/admin/").content.decode()
    assert "Drafts left behind" in html
    assert "Alice draft zebrafinch</a>" in html and "left by Alice Ward" in html
    assert "Bob draft marmoset</a>" in html and "left by Bob Beat" in html
