"""RSS feeds for all essays and for each series, parsed as XML."""

import xml.etree.ElementTree as ET
from datetime import datetime
from email.utils import parsedate_to_datetime
from zoneinfo import ZoneInfo

import pytest

from essays.factories import AuthorFactory, EssayPageFactory

WHEN = datetime(2012, 10, 19, 9, 0, tzinfo=ZoneInfo("Europe/London"))


def parse(response) -> ET.Element:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    return ET.fromstring(response.content)  # noqa: S314 (our own feed, not untrusted input)


@pytest.mark.django_db
def test_essays_feed_lists_live_essays_with_absolute_links_and_dates(client, essay_index):
    essay = EssayPageFactory(
        parent=essay_index,
        title="Consultation can’t fix our broken politics",
        published_at=WHEN,
        listing_summary="Is consultation broken?",
        author=AuthorFactory(name="Jane Policy"),
    )
    EssayPageFactory(parent=essay_index, title="Draft essay", live=False)
    channel = parse(client.get(essay_index.url + "feed/")).find("channel")
    assert channel.findtext("link").startswith("http")
    items = channel.findall("item")
    assert [item.findtext("title") for item in items] == [essay.title]
    item = items[0]
    assert item.findtext("link") == essay.full_url and essay.full_url.startswith("http://")
    assert parsedate_to_datetime(item.findtext("pubDate")) == WHEN
    assert item.findtext("description") == "Is consultation broken?"


@pytest.mark.django_db
def test_series_feed_holds_only_its_live_parts_titled_with_series_and_number(
    client, make_series, essay_index
):
    series, parts = make_series(title="Ten reasons", parts=3, live=[2, 3])
    EssayPageFactory(parent=essay_index, title="Standalone essay")
    channel = parse(client.get(series.url + "feed/")).find("channel")
    titles = sorted(item.findtext("title") for item in channel.findall("item"))
    assert titles == ["Ten reasons – 2. Reason 2", "Ten reasons – 3. Reason 3"]
    all_titles = [
        item.findtext("title")
        for item in parse(client.get(essay_index.url + "feed/")).find("channel").findall("item")
    ]
    assert "Standalone essay" in all_titles and "Ten reasons – 3. Reason 3" in all_titles


@pytest.mark.django_db
def test_pages_link_their_feeds_in_the_head(client, make_series, essay_index):
    series, parts = make_series(parts=1)
    index_feed = (
        '<link rel="alternate" type="application/rss+xml" title="All essays" '
        f'href="{essay_index.full_url}feed/">'
    )
    series_feed = f'href="{series.full_url}feed/"'
    assert index_feed in client.get(essay_index.url).content.decode()
    assert series_feed in client.get(series.url).content.decode()
    part_html = client.get(parts[0].url).content.decode()
    assert index_feed in part_html and series_feed in part_html
