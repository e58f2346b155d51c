"""The application's page cache: shared pages from the cache, never one reader's page to another."""

import pytest

from django.core.cache import cache
from django.test import Client

from essays.factories import EssayIndexPageFactory, EssayPageFactory
from roundups.factories import RoundupIndexPageFactory, SuggestionPageFactory
from tests.servers import redis_server

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True, params=["local memory", "redis"])
def page_cache(request, settings, tmp_path):
    """Each test twice: in the tests' cache, and in a Redis server through the cache backend
    production uses (core.redis_cache)."""
    server = None
    if request.param == "redis":
        server = redis_server(tmp_path)
        settings.CACHES = {
            "default": {"BACKEND": "core.redis_cache.RedisCache", "LOCATION": server.url}
        }
    settings.PAGE_CACHE = True
    cache.clear()
    yield
    cache.clear()
    if server:
        server.stop()


@pytest.fixture
def essay(home_page):
    index = EssayIndexPageFactory(parent=home_page, slug="essays")
    return EssayPageFactory(parent=index, title="Why policy fails", slug="why")


def from_cache(response) -> bool:
    return response.get("X-Page-Cache") == "hit"


def test_a_second_reader_gets_the_page_from_the_cache_in_no_queries(
    essay, django_assert_num_queries
):
    first = Client().get(essay.url)
    assert not from_cache(first)
    with django_assert_num_queries(0):
        second = Client().get(essay.url)
    assert from_cache(second)
    assert second.content == first.content
    assert second["ETag"] == first["ETag"]
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]


def test_a_page_from_the_cache_carries_every_header_the_first_answer_did(essay):
    first = Client().get(essay.url)
    second = Client().get(essay.url)
    assert from_cache(second)
    for header in [name for name in first.headers if name.lower() not in {"date"}]:
        assert second.get(header) == first.get(header), header


def test_a_cached_page_answers_304_to_a_reader_who_has_it(essay):
    etag = Client().get(essay.url)["ETag"]
    response = Client().get(essay.url, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304


def test_publishing_replaces_the_cached_page_and_its_listings(
    essay, django_capture_on_commit_callbacks
):
    index = essay.get_parent()
    Client().get(essay.url)
    Client().get(index.url)
    Client().get(index.url + "?page=2")
    essay.title = "Why policy succeeds"
    with django_capture_on_commit_callbacks(execute=True):
        essay.save_revision().publish()
    for url in (essay.url, index.url, index.url + "?page=2"):
        response = Client().get(url)
        assert not from_cache(response), url
    assert "Why policy succeeds" in Client().get(essay.url).content.decode()
    assert "Why policy succeeds" in Client().get(index.url).content.decode()


def test_a_signed_in_editor_neither_gets_nor_leaves_a_cached_page(essay, editor):
    Client().get(essay.url)
    signed_in = Client()
    signed_in.force_login(editor)
    response = signed_in.get(essay.url)
    assert not from_cache(response)
    assert "private" in response["Cache-Control"]

    cache.clear()
    signed_in.get(essay.url)
    reader = Client().get(essay.url)
    assert not from_cache(reader)
    assert editor.username not in reader.content.decode()


def test_a_page_with_a_readers_csrf_token_is_never_stored(home_page):
    index = RoundupIndexPageFactory(parent=home_page)
    page = SuggestionPageFactory(parent=index)
    first = Client().get(page.url)
    second = Client().get(page.url)
    assert not from_cache(second)
    token = 'name="csrfmiddlewaretoken" value="'
    assert token in first.content.decode()
    assert (
        first.content.decode().split(token)[1][:20] != second.content.decode().split(token)[1][:20]
    )


def test_searches_with_a_query_are_not_stored(home_page):
    Client().get("/search/?q=policy")
    assert not from_cache(Client().get("/search/?q=policy"))
