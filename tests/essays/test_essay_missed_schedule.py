"""A scheduled page whose time has passed without going live is reported, by name."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from django.core.management import call_command
from django.core.management.base import CommandError

from essays.factories import EssayPageFactory
from essays.models import EssayPage

LONDON = ZoneInfo("Europe/London")


@pytest.fixture
def missed_part(make_series):
    """A part scheduled for Monday morning; the clock is now Monday afternoon."""
    with time_machine.travel(datetime(2012, 10, 19, 9, 0, tzinfo=LONDON), tick=False):
        series, parts = make_series(parts=2, live=[1])
        part = parts[1]
        part.title = "It’s the future"
        part.go_live_at = datetime(2012, 10, 22, 7, 0, tzinfo=LONDON)
        part.save_revision().publish()
    return part


@pytest.mark.django_db
def test_check_schedule_names_missed_pages_and_fails(missed_part, capsys):
    monday_afternoon = datetime(2012, 10, 22, 15, 0, tzinfo=LONDON)
    with (
        time_machine.travel(monday_afternoon, tick=False),
        pytest.raises(CommandError, match="1 page"),
    ):
        call_command("check_schedule")
    err = capsys.readouterr().err
    assert "It’s the future" in err and "22 October 2012 07:00" in err


@pytest.mark.django_db
def test_check_schedule_passes_before_the_time_and_after_publishing(missed_part, capsys):
    with time_machine.travel(datetime(2012, 10, 20, 12, 0, tzinfo=LONDON), tick=False):
        call_command("check_schedule")
    with time_machine.travel(datetime(2012, 10, 22, 15, 0, tzinfo=LONDON), tick=False):
        call_command("publish_scheduled")
        call_command("check_schedule")
    assert "No missed schedules" in capsys.readouterr().out


@pytest.mark.django_db
def test_dashboard_warns_editors_with_page_names_and_edit_links(client, editor, missed_part):
    client.force_login(editor)
    with time_machine.travel(datetime(2012, 10, 22, 15, 0, tzinfo=LONDON), tick=True):
        html = client.get("/admin/").content.decode()
    assert "Missed schedule" in html
    assert "It’s the future" in html
    assert f'href="/admin/pages/{missed_part.pk}/edit/"' in html


@pytest.mark.django_db
def test_dashboard_is_quiet_when_nothing_is_missed(client, editor, essay_index):
    EssayPageFactory(parent=essay_index)
    client.force_login(editor)
    assert "Missed schedule" not in client.get("/admin/").content.decode()


@pytest.mark.django_db
def test_guest_bloggers_do_not_see_the_missed_schedule_warning(client, missed_part):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    guest = get_user_model().objects.create_user("guest-user", "g@example.org", "pw")
    guest.groups.add(Group.objects.get(name="Guest bloggers"))
    client.force_login(guest)
    with time_machine.travel(datetime(2012, 10, 22, 15, 0, tzinfo=LONDON), tick=True):
        response = client.get("/admin/")
    assert response.status_code == 200
    assert "Missed schedule" not in response.content.decode()


@pytest.mark.django_db
def test_missed_changes_to_a_live_page_are_reported_too(essay_index, capsys):
    with time_machine.travel(datetime(2012, 10, 19, 9, 0, tzinfo=LONDON), tick=False):
        essay = EssayPageFactory(parent=essay_index, title="Open policy")
        essay.save_revision().publish()
        essay = EssayPage.objects.get(pk=essay.pk)
        essay.title = "Open policy, revised"
        essay.go_live_at = datetime(2012, 10, 20, 9, 0, tzinfo=LONDON)
        essay.save_revision().publish()
    with (
        time_machine.travel(datetime(2012, 10, 21, 9, 0, tzinfo=LONDON), tick=False),
        pytest.raises(CommandError),
    ):
        call_command("check_schedule")
    err = capsys.readouterr().err
    assert "Open policy" in err and "its scheduled changes were due" in err


@pytest.mark.django_db
def test_a_page_waiting_for_the_jobs_next_run_is_not_reported(missed_part, capsys, settings):
    """Due at 07:00 with the job every five minutes: not missed at 07:05, missed at 07:07."""
    assert settings.MISSED_SCHEDULE_GRACE.total_seconds() == 6 * 60
    with time_machine.travel(datetime(2012, 10, 22, 7, 5, 59, tzinfo=LONDON), tick=False):
        call_command("check_schedule")
    assert "No missed schedules" in capsys.readouterr().out
    with (
        time_machine.travel(datetime(2012, 10, 22, 7, 6, 1, tzinfo=LONDON), tick=False),
        pytest.raises(CommandError, match="1 page"),
    ):
        call_command("check_schedule")


@pytest.mark.django_db
def test_the_series_page_says_delayed_once_the_time_has_passed(client, missed_part):
    series = missed_part.get_parent()
    with time_machine.travel(datetime(2012, 10, 21, 12, 0, tzinfo=LONDON), tick=False):
        before = client.get(series.url).content.decode()
    with time_machine.travel(datetime(2012, 10, 22, 7, 1, tzinfo=LONDON), tick=False):
        after = client.get(series.url).content.decode()
    assert "coming" in before and "Monday 22 October" in before
    assert "Delayed" in after
    assert "coming" not in after and "Monday 22 October" not in after
