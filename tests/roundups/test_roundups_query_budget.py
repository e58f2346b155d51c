"""Pages render in a number of queries that does not grow with excerpts or roundups."""

from datetime import date, timedelta

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from roundups.factories import excerpt


def queries_for(client, url: str) -> int:
    """Queries for a second visit: the first remembers the page's route and the menu."""
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def mixed_excerpts(bloggers, sectors, count: int) -> list[dict]:
    """Excerpts cycling through every blogger, half with an explicit sector."""
    people = list(bloggers.values())
    chosen = list(sectors.values())
    return [
        excerpt(
            people[i % len(people)],
            sector=chosen[i % len(chosen)] if i % 2 else None,
            posted_on=date(2012, 1, 2),
        )
        for i in range(count)
    ]


@pytest.mark.django_db
def test_roundup_with_100_excerpts_renders_in_as_many_queries_as_with_5(
    client, make_roundup, bloggers, sectors
):
    small = make_roundup(
        week_ending=date(2012, 10, 12),
        excerpts=mixed_excerpts(bloggers, sectors, 5),
        previous_reads=mixed_excerpts(bloggers, sectors, 2),
    )
    large = make_roundup(
        week_ending=date(2012, 10, 19),
        excerpts=mixed_excerpts(bloggers, sectors, 100),
        previous_reads=mixed_excerpts(bloggers, sectors, 20),
    )
    small_count = queries_for(client, small.url)
    large_count = queries_for(client, large.url)
    assert large_count == small_count
    assert small_count <= 20


@pytest.mark.django_db
def test_roundup_fetches_bloggers_and_sectors_in_one_query_each(
    client, make_roundup, bloggers, sectors
):
    page = make_roundup(
        excerpts=mixed_excerpts(bloggers, sectors, 30),
        previous_reads=mixed_excerpts(bloggers, sectors, 5),
    )
    client.get(page.url)
    with CaptureQueriesContext(connection) as captured:
        html = client.get(page.url).content.decode()
    assert html.count('class="excerpt"') == 35
    people_queries = [query["sql"] for query in captured if '"people_' in query["sql"]]
    # The bloggers, the chosen sectors, and the bloggers' own sectors (for defaults).
    assert len(people_queries) == 3
    assert sum('FROM "people_blogger" ' in sql for sql in people_queries) == 1


@pytest.mark.django_db
def test_archive_and_feeds_do_not_grow_with_the_number_of_roundups(
    client, index_page, make_roundup, bloggers, sectors
):
    make_roundup(week_ending=date(2012, 1, 6), excerpts=mixed_excerpts(bloggers, sectors, 5))
    urls = [index_page.url, f"{index_page.url}feed/"]
    few = [queries_for(client, url) for url in urls]
    for week in range(1, 12):
        make_roundup(
            week_ending=date(2012, 1, 6) + timedelta(weeks=week),
            excerpts=mixed_excerpts(bloggers, sectors, 5),
        )
    many = [queries_for(client, url) for url in urls]
    assert many == few


@pytest.mark.django_db
def test_sector_feed_queries_do_not_grow_with_excerpts(
    client, index_page, make_roundup, bloggers, sectors
):
    url = f"{index_page.url}sectors/health/feed/"
    make_roundup(excerpts=mixed_excerpts(bloggers, sectors, 5))
    few = queries_for(client, url)
    page = index_page.get_children().first().specific
    page.excerpts = mixed_excerpts(bloggers, sectors, 80)
    page.save_revision().publish()
    assert queries_for(client, url) == few


@pytest.mark.django_db
def test_sector_feed_queries_do_not_grow_with_roundups(
    client, index_page, make_roundup, bloggers, sectors
):
    url = f"{index_page.url}sectors/health/feed/"
    make_roundup(week_ending=date(2012, 1, 6), excerpts=mixed_excerpts(bloggers, sectors, 5))
    few = queries_for(client, url)
    for week in range(1, 9):
        make_roundup(
            week_ending=date(2012, 1, 6) + timedelta(weeks=week),
            excerpts=mixed_excerpts(bloggers, sectors, 5),
            previous_reads=mixed_excerpts(bloggers, sectors, 2),
        )
    assert queries_for(client, url) == few
