"""The essay archive: newest first, paginated without 500s, filtered by topic."""

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from essays.factories import EssayPageFactory

START = datetime(2012, 10, 1, 9, 0, tzinfo=ZoneInfo("Europe/London"))


def titles(html: str) -> list[str]:
    return re.findall(r'<h3><a href="[^"]+">([^<]+)</a></h3>', html)


@pytest.fixture
def archive(essay_index):
    """Twenty-three live essays a day apart, and a draft that must never show."""
    essays = [
        EssayPageFactory(
            parent=essay_index,
            title=f"Essay day {day:02d}",
            published_at=START + timedelta(days=day),
        )
        for day in range(23)
    ]
    EssayPageFactory(parent=essay_index, title="Unpublished draft", live=False)
    return essays


@pytest.mark.django_db
def test_index_lists_live_essays_newest_first_ten_a_page(client, essay_index, archive):
    html = client.get(essay_index.url).content.decode()
    assert titles(html) == [f"Essay day {day:02d}" for day in range(22, 12, -1)]
    assert "Unpublished draft" not in html
    assert "Page 1 of 3" in html and 'href="?page=2" rel="next"' in html
    assert "23 October 2012" in html


@pytest.mark.django_db
def test_last_page_holds_the_oldest_essays(client, essay_index, archive):
    html = client.get(essay_index.url + "?page=3").content.decode()
    assert titles(html) == ["Essay day 02", "Essay day 01", "Essay day 00"]
    assert 'rel="next"' not in html


@pytest.mark.django_db
@pytest.mark.parametrize("number", ["4", "999", "99999999999999999999"])
def test_page_past_the_end_shows_the_last_page(client, essay_index, archive, number):
    response = client.get(essay_index.url, {"page": number})
    assert response.status_code == 200
    assert "Page 3 of 3" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("number", ["x", "0", "-1", "1.5", "2 OR 1=1"])
def test_page_that_is_not_a_page_number_is_not_found(client, essay_index, archive, number):
    assert client.get(essay_index.url, {"page": number}).status_code == 404


@pytest.mark.django_db
def test_topic_filter_lists_only_essays_on_that_topic(client, essay_index):
    on_topic = EssayPageFactory(parent=essay_index, title="On consultation")
    on_topic.tags.add("Consultation")
    on_topic.save_revision().publish()
    other = EssayPageFactory(parent=essay_index, title="On schools")
    other.tags.add("Education")
    other.save_revision().publish()
    html = client.get(essay_index.url, {"topic": "consultation"}).content.decode()
    assert titles(html) == ["On consultation"]
    assert "<h1>Essays: Consultation</h1>" in html
    index_html = client.get(essay_index.url).content.decode()
    assert 'href="?topic=consultation"' in index_html and 'href="?topic=education"' in index_html
    essay_html = client.get(on_topic.url).content.decode()
    assert f'href="{essay_index.url}?topic=consultation"' in essay_html


@pytest.mark.django_db
def test_unknown_topic_is_not_found(client, essay_index):
    assert client.get(essay_index.url, {"topic": "no-such-topic"}).status_code == 404


@pytest.mark.django_db
def test_home_page_shows_latest_essays_and_current_series(client, essay_index, make_series):
    series, parts = make_series(title="Ten reasons", planned=10, parts=3, live=[1, 2])
    parts[1].published_at = START + timedelta(days=40)
    parts[1].save_revision().publish()
    EssayPageFactory(parent=essay_index, title="Older essay", published_at=START)
    html = client.get("/").content.decode()
    section = html[html.find("Latest essays") :]
    assert section.find("Ten reasons – 2. Reason 2") < section.find("Older essay")
    assert "Current series" in html
    assert f'<a href="{series.url}">Ten reasons</a>' in html
    assert "2 of 10 parts published" in html
