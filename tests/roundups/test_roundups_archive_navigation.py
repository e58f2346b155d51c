"""The archive's month navigation shows one year and its neighbours, however long the archive."""

import re
from datetime import date, timedelta

import pytest

pytestmark = pytest.mark.django_db


def month_links(html: str, index_url: str) -> list[str]:
    return re.findall(rf'href="{re.escape(index_url)}(\d{{4}}/\d{{1,2}}/)"', html)


def test_navigation_shows_the_years_months_and_the_nearest_years(client, index_page, make_roundup):
    for year in (2009, 2011, 2012):
        for month in (3, 7):
            make_roundup(week_ending=date(year, month, 6))
    latest = client.get(index_page.url).content.decode()
    assert month_links(latest, index_page.url) == ["2012/7/", "2012/3/"]
    assert f'href="{index_page.url}2011/">2011</a>' in latest
    middle = client.get(f"{index_page.url}2011/").content.decode()
    assert month_links(middle, index_page.url) == ["2011/7/", "2011/3/"]
    assert f'href="{index_page.url}2012/">2012</a>' in middle
    assert f'href="{index_page.url}2009/">2009</a>' in middle  # 2010 had none


def test_navigation_stays_a_year_long_as_the_archive_grows(client, index_page, make_roundup):
    start = date(2012, 10, 19)
    for week in range(60):
        make_roundup(week_ending=start - timedelta(weeks=week), excerpts=[])
    html = client.get(index_page.url).content.decode()
    assert len(month_links(html, index_page.url)) <= 12
    assert month_links(html, index_page.url)[0] == "2012/10/"
