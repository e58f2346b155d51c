"""The dashboard lists drafts left behind for over a day (autosaved roundups included), to
finish or delete: every editor sees everyone's, with who left them."""

from datetime import date, timedelta

import pytest

from django.utils import timezone

from roundups.models import RoundupPage


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def age(page, days: float) -> None:
    RoundupPage.objects.filter(pk=page.pk).update(
        latest_revision_created_at=timezone.now() - timedelta(days=days)
    )


@pytest.mark.django_db
def test_a_draft_untouched_for_a_day_is_listed_with_edit_and_delete_links(
    editor_client, editor, make_roundup
):
    stray = make_roundup(week_ending=date(2026, 11, 27), live=False, owner=editor)
    recent = make_roundup(week_ending=date(2026, 12, 4), live=False, owner=editor)
    published = make_roundup(week_ending=date(2012, 10, 19), owner=editor)
    age(stray, 2)
    age(recent, 0.5)
    age(published, 3)
    html = editor_client.get("/admin/").content.decode()
    assert "Drafts left behind" in html
    assert f'<a href="/admin/pages/{stray.pk}/edit/">{stray.title}</a>' in html
    assert "left by you, last saved" in html
    assert f'href="/admin/pages/{stray.pk}/delete/"' in html
    assert f'/admin/pages/{recent.pk}/delete/"' not in html
    assert f'/admin/pages/{published.pk}/delete/"' not in html


@pytest.mark.django_db
def test_another_editors_draft_is_listed_with_who_left_it(editor_client, admin_user, make_roundup):
    admin_user.first_name, admin_user.last_name = "Ada", "Admin"
    admin_user.save()
    left = make_roundup(week_ending=date(2026, 11, 27), live=False, owner=admin_user)
    age(left, 2)
    html = editor_client.get("/admin/").content.decode()
    assert f'<a href="/admin/pages/{left.pk}/edit/">{left.title}</a>' in html
    assert "left by Ada Admin, last saved" in html


@pytest.mark.django_db
def test_no_drafts_left_behind_shows_no_panel(editor_client, editor, make_roundup):
    age(make_roundup(week_ending=date(2026, 12, 4), live=False, owner=editor), 0.5)
    assert "left behind" not in editor_client.get("/admin/").content.decode()
