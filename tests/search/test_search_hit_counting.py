"""Search terms are counted for editors without every search writing to the database."""

import pytest

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.contrib.search_promotions.models import QueryDailyHits

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_cache(settings):
    settings.SEARCH_HITS_BATCH = 10
    cache.clear()
    yield
    cache.clear()


def writes(queries) -> list[str]:
    return [
        query["sql"]
        for query in queries.captured_queries
        if query["sql"].split(" ", 1)[0] in {"INSERT", "UPDATE", "DELETE"}
    ]


def test_searches_are_counted_in_batches_and_most_write_nothing(client, ermintrude):
    client.get("/search/", {"q": "dementia"})  # the first request also stores site settings
    for _ in range(8):
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/search/", {"q": "dementia"}).status_code == 200
        assert writes(queries) == []
    assert not QueryDailyHits.objects.exists()
    for _ in range(16):
        client.get("/search/", {"q": "Dementia "})
    hits = QueryDailyHits.objects.get(query__query_string="dementia")
    assert hits.hits == 20
