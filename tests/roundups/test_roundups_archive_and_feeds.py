"""The archive (newest first, sectors, counts, months, pages) and the RSS/Atom feeds."""

import re
import xml.etree.ElementTree as ET
from datetime import date

import pytest

from roundups.factories import excerpt

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.mark.django_db
def test_archive_lists_live_roundups_newest_first_with_sectors_and_counts(
    client, index_page, make_roundup, bloggers, sectors
):
    make_roundup(week_ending=date(2012, 10, 12))
    make_roundup(
        week_ending=date(2012, 10, 19),
        excerpts=[
            excerpt(bloggers["frank-chalk"]),
            excerpt(bloggers["ermintrude2"]),
            excerpt(bloggers["ermintrude2"]),
        ],
    )
    make_roundup(week_ending=date(2012, 10, 26), live=False)
    html = client.get(index_page.url).content.decode()
    titles = re.findall(r"<h3><a [^>]+>([^<]+)</a></h3>", html)
    assert titles == [
        "Best of the frontline bloggers (week ending 19th October 2012)",
        "Best of the frontline bloggers (week ending 12th October 2012)",
    ]
    newest = html[html.index("19th October") : html.index("12th October 2012)")]
    assert "3 excerpts" in newest
    assert newest.index(">Social care<") < newest.index(">Education<")
    assert "26th October" not in html


@pytest.mark.django_db
def test_archive_pages_by_ten_and_survives_odd_page_numbers(client, index_page, make_roundup):
    for day in range(1, 13):
        make_roundup(week_ending=date(2012, 1, day))
    first = client.get(index_page.url).content.decode()
    assert first.count('class="roundup-list__item') == 10
    assert "Page 1 of 2" in first
    second = client.get(index_page.url, {"page": 2}).content.decode()
    assert second.count('class="roundup-list__item') == 2
    for odd in ("x", "999", "-1"):
        assert client.get(index_page.url, {"page": odd}).status_code == 200


@pytest.mark.django_db
def test_month_navigation_filters_the_archive(client, index_page, make_roundup):
    make_roundup(week_ending=date(2012, 9, 28))
    make_roundup(week_ending=date(2012, 10, 19))
    html = client.get(index_page.url).content.decode()
    assert f'href="{index_page.url}2012/10/">October</a>' in html
    assert f'href="{index_page.url}2012/9/">September</a>' in html
    october = client.get(f"{index_page.url}2012/10/").content.decode()
    assert "Roundups from October 2012" in october
    assert "19th October" in october and "28th September" not in october
    assert "28th September" in client.get(f"{index_page.url}2012/").content.decode()
    assert client.get(f"{index_page.url}2012/13/").status_code == 404


def parse_rss(response) -> list[dict]:
    assert response["Content-Type"].startswith("application/rss+xml")
    root = ET.fromstring(response.content)  # noqa: S314 - our own feed
    return [{child.tag: child.text for child in item} for item in root.find("channel").iter("item")]


@pytest.mark.django_db
def test_roundup_feed_lists_live_roundups_newest_first(client, index_page, make_roundup):
    make_roundup(week_ending=date(2012, 10, 12))
    latest = make_roundup(week_ending=date(2012, 10, 19))
    make_roundup(week_ending=date(2012, 10, 26), live=False)
    items = parse_rss(client.get(f"{index_page.url}feed/"))
    assert [item["title"] for item in items] == [
        "Best of the frontline bloggers (week ending 19th October 2012)",
        "Best of the frontline bloggers (week ending 12th October 2012)",
    ]
    assert items[0]["link"] == f"http://localhost{latest.url}"  # the Site's address, as every feed


@pytest.mark.django_db
def test_atom_feed_is_valid_atom(client, index_page, make_roundup):
    make_roundup()
    response = client.get(f"{index_page.url}feed/atom/")
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)  # noqa: S314 - our own feed
    titles = [entry.find(f"{ATOM}title").text for entry in root.iter(f"{ATOM}entry")]
    assert titles == ["Best of the frontline bloggers (week ending 19th October 2012)"]


@pytest.mark.django_db
def test_sector_feed_carries_only_that_sectors_excerpts(
    client, index_page, make_roundup, bloggers, sectors
):
    page = make_roundup(
        excerpts=[
            excerpt(bloggers["ermintrude2"], title="Care post", block_id="care1"),
            excerpt(bloggers["dr-grumble"], title="Health post", block_id="health1"),
            excerpt(bloggers["frank-chalk"], title="Health by choice", sector=sectors["health"]),
        ],
        previous_reads=[excerpt(bloggers["dr-grumble"], title="Old health post")],
    )
    items = parse_rss(client.get(f"{index_page.url}sectors/health/feed/"))
    assert [item["title"] for item in items] == [
        "Health post (Dr Grumble)",
        "Health by choice (Frank Chalk)",
        "Old health post (Dr Grumble)",
    ]
    assert items[0]["link"] == f"http://localhost{page.url}#excerpt-health1"
    assert "What I see are cuts." in items[0]["description"]
    care = parse_rss(client.get(f"{index_page.url}sectors/social-care/feed/"))
    assert [item["title"] for item in care] == ["Care post (Ermintrude2)"]
    assert client.get(f"{index_page.url}sectors/no-such-sector/feed/").status_code == 404


@pytest.mark.django_db
def test_archive_offers_feed_links_for_every_sector(client, index_page, sectors):
    html = client.get(index_page.url).content.decode()
    assert html.count('rel="alternate"') == 2 + len(sectors)
    assert f'href="{index_page.url}sectors/education/feed/"' in html


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["", "2012/", "2012/10/"])
def test_archive_pages_have_one_h1_and_no_skipped_heading_levels(
    client, index_page, make_roundup, path
):
    make_roundup()
    html = client.get(f"{index_page.url}{path}").content.decode()
    levels = [int(level) for level in re.findall(r"<h([1-6])[\s>]", html)]
    assert levels.count(1) == 1 and levels[0] == 1
    assert all(later - earlier <= 1 for earlier, later in zip(levels, levels[1:], strict=False))
