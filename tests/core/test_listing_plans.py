"""At a generated size, every listing reads an index rather than the whole content table.

PostgreSQL only (SQLite has no comparable planner output): 3,000 essays, 1,000 roundups and
4,000 featured excerpts are bulk-loaded, the tables analysed, each listing page rendered,
and every newest-first query it ran (ORDER BY … LIMIT) explained: none may read a content
table sequentially.
"""

import datetime
import json
import re

import pytest

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from benchmarks.sitegen import analyse, bulk_add_children
from essays.factories import EssayIndexPageFactory
from essays.models import EssayPage
from people.factories import BloggerIndexPageFactory
from people.featured import refresh_featured_counts
from people.models import Blogger, FeaturedExcerpt
from roundups.factories import RoundupIndexPageFactory
from roundups.models import RoundupPage

CONTENT_TABLES = (
    "essays_essaypage",
    "wagtailcore_page",
    "roundups_rounduppage",
    "people_featuredexcerpt",
)
ESSAYS, ROUNDUPS, EXCERPTS = 3000, 1000, 4000

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="query plans are checked on PostgreSQL"
    ),
]


@pytest.fixture
def large_site(home_page):
    essays = EssayIndexPageFactory(parent=home_page, slug="essays")
    roundups = RoundupIndexPageFactory(parent=home_page, slug="roundups")
    BloggerIndexPageFactory(parent=home_page, slug="bloggers")
    start = datetime.datetime(2008, 1, 1, tzinfo=datetime.UTC)
    bulk_add_children(
        essays,
        EssayPage,
        (
            {
                "title": f"Essay {n}",
                "slug": f"essay-{n}",
                "first_published_at": start + datetime.timedelta(hours=n),
                "sort_date": start + datetime.timedelta(hours=n),
                "body": "[]",
            }
            for n in range(ESSAYS)
        ),
    )
    week = datetime.date(2012, 10, 19)
    bulk_add_children(
        roundups,
        RoundupPage,
        (
            {
                "title": f"Roundup {n}",
                "slug": f"roundup-{n}",
                "week_ending": week - datetime.timedelta(weeks=n),
                "excerpts": "[]",
                "previous_reads": "[]",
                "sector_ids": json.loads("[]"),
            }
            for n in range(ROUNDUPS)
        ),
    )
    bloggers = Blogger.objects.bulk_create(
        Blogger(name=f"Blogger {n}", slug=f"blogger-{n}") for n in range(40)
    )
    pages = list(RoundupPage.objects.values_list("pk", "week_ending"))
    FeaturedExcerpt.objects.bulk_create(
        FeaturedExcerpt(
            blogger=bloggers[n % len(bloggers)],
            page_id=pages[n % len(pages)][0],
            page_date=pages[n % len(pages)][1],
            position=n,
        )
        for n in range(EXCERPTS)
    )
    refresh_featured_counts()
    analyse()
    return home_page


def sequential_scans(sql: str) -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN " + sql)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    return [table for table in CONTENT_TABLES if re.search(rf"Seq Scan on {table}\b", plan)]


LISTINGS = [
    "/",
    "/essays/",
    "/essays/?page=20",
    "/essays/feed/",
    "/roundups/",
    "/roundups/2010/",
    "/bloggers/",
    "/bloggers/blogger-7/",
]


def test_each_listing_reads_an_index_at_a_generated_size(large_site):
    found = {}
    for path in LISTINGS:
        with CaptureQueriesContext(connection) as queries:
            response = Client().get(path)
        assert response.status_code == 200, path
        listings = [
            query["sql"]
            for query in queries.captured_queries
            if query["sql"].startswith("SELECT")
            and "ORDER BY" in query["sql"]
            and "LIMIT" in query["sql"]
        ]
        assert listings, f"no listing query was run for {path}"
        for sql in listings:
            tables = sequential_scans(sql)
            if tables:
                found[f"{path}: {sql[-200:]}"] = tables
    assert not found
