"""The series page's list of planned parts, and scheduled parts going live on time."""

import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from django.core.management import call_command

from essays.factories import EssayPageFactory
from essays.models import EssayPage

LONDON = ZoneInfo("Europe/London")
FRIDAY = datetime(2012, 10, 19, 9, 0, tzinfo=LONDON)
MONDAY = datetime(2012, 10, 22, 7, 0, tzinfo=LONDON)


def schedule(part: EssayPage, when: datetime) -> None:
    part.go_live_at = when
    part.save_revision().publish()


def slots(html: str) -> dict[int, str]:
    """The series page's list items, keyed by their number."""
    return {
        int(number): item
        for number, item in re.findall(
            r'<li class="series-part[^"]*" value="(\d+)">(.*?)</li>', html, flags=re.S
        )
    }


@pytest.mark.django_db
def test_series_page_lists_live_scheduled_and_unwritten_parts_in_order(client, make_series):
    with time_machine.travel(FRIDAY, tick=False):
        series, parts = make_series(title="Ten reasons", planned=10, parts=3, live=[1, 2])
        schedule(parts[2], MONDAY)
        html = client.get(series.url).content.decode()
    listed = slots(html)
    assert sorted(listed) == list(range(1, 11))
    assert f'href="{parts[0].url}"' in listed[1] and f'href="{parts[1].url}"' in listed[2]
    assert "coming" in listed[3] and "Monday 22 October" in listed[3]
    assert "href=" not in listed[3]
    for number in range(4, 11):
        assert "To come" in listed[number] and "href=" not in listed[number]
    assert "<h1>Ten reasons</h1>" in html


@pytest.mark.django_db
def test_a_draft_part_is_a_numbered_gap_without_its_title(client, make_series):
    series, parts = make_series(parts=3, live=[1, 3])
    listed = slots(client.get(series.url).content.decode())
    assert "To come" in listed[2]
    assert "Reason 2" not in listed[2]


@pytest.mark.django_db
def test_scheduled_part_goes_live_when_publish_scheduled_runs(client, make_series):
    with time_machine.travel(FRIDAY, tick=False):
        series, parts = make_series(parts=3, live=[1, 2])
        schedule(parts[2], MONDAY)
        assert client.get(parts[2].url).status_code == 404
        call_command("publish_scheduled")
        assert not EssayPage.objects.get(pk=parts[2].pk).live
    with time_machine.travel(datetime(2012, 10, 22, 7, 5, tzinfo=LONDON), tick=False):
        call_command("publish_scheduled")
        part = EssayPage.objects.get(pk=parts[2].pk)
        assert part.live
        html = client.get(part.url).content.decode()
        assert "Part 3 of 10" in html and "22 October 2012" in html
        listed = slots(client.get(series.url).content.decode())
        assert f'href="{part.url}"' in listed[3]
        assert f'href="{part.url}" rel="next"' in client.get(parts[1].url).content.decode()


@pytest.mark.django_db
def test_parts_added_after_the_last_number_extend_the_count(client, make_series):
    series, parts = make_series(planned=2, parts=2)
    EssayPageFactory(parent=series)
    assert sorted(slots(client.get(series.url).content.decode())) == [1, 2, 3]
