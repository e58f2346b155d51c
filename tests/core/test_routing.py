"""Remembered routes (core.routing): a reader's second visit finds the page in one query,
and no change to the tree, a page's state or the site is ever answered from an old route."""

import pytest

from django.core.cache import cache
from django.db import connection
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext

from wagtail.models import PageViewRestriction, Site

from core import routing
from essays.factories import EssayIndexPageFactory, EssayPageFactory
from people.factories import BloggerFactory, BloggerIndexPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def index(home_page):
    return EssayIndexPageFactory(parent=home_page, title="Essays", slug="essays")


@pytest.fixture
def essay(index):
    return EssayPageFactory(parent=index, title="Why policy fails", slug="why")


def queries_for(path: str) -> tuple:
    """The response and the number of queries it took."""
    with CaptureQueriesContext(connection) as queries:
        response = Client().get(path)
    return response, len(queries.captured_queries)


def walked_and_remembered(path: str) -> tuple[int, int]:
    """Queries for a page with everything else warm (menus, settings): once with its
    route forgotten, once with it remembered."""
    queries_for(path)
    cache.delete(routing.route_key(RequestFactory().get(path), path.lstrip("/")))
    response, walked = queries_for(path)
    assert response.status_code == 200
    response, remembered = queries_for(path)
    assert response.status_code == 200
    return walked, remembered


def test_a_second_visit_finds_the_page_without_walking_the_tree(essay):
    walked, remembered = walked_and_remembered(essay.url)
    # The site and every level of the tree (home, essays, the essay, each as itself) are
    # no longer looked up: one query for the page instead.
    assert remembered == walked - 5, (walked, remembered)
    assert "Why policy fails" in Client().get(essay.url).text


def test_a_routable_pages_own_addresses_are_remembered(home_page):
    directory = BloggerIndexPageFactory(parent=home_page, slug="bloggers")
    BloggerFactory(name="Ada Nurse", slug="ada-nurse")
    profile = directory.url + "ada-nurse/"
    walked, remembered = walked_and_remembered(profile)
    assert remembered == walked - 3, (walked, remembered)
    assert "Ada Nurse" in Client().get(profile).text
    assert Client().get(directory.url + "nobody-here/").status_code == 404


def test_a_renamed_page_leaves_its_old_address_at_once(essay):
    assert Client().get("/essays/why/").status_code == 200
    essay.slug = "why-it-fails"
    essay.save_revision().publish()
    assert Client().get("/essays/why/").status_code == 404
    assert "Why policy fails" in Client().get("/essays/why-it-fails/").text


def test_a_page_changed_behind_the_sites_back_is_not_served_from_its_old_route(essay):
    """Even with no signal sent (a bulk update), a route is checked against the page."""
    assert Client().get("/essays/why/").status_code == 200
    type(essay).objects.filter(pk=essay.pk).update(live=False)
    assert Client().get("/essays/why/").status_code == 404


def test_an_unpublished_page_is_gone_at_once(essay):
    assert Client().get("/essays/why/").status_code == 200
    essay.unpublish()
    assert Client().get("/essays/why/").status_code == 404


def test_a_new_page_at_an_unknown_address_is_served_at_once(index):
    assert Client().get("/essays/new-thinking/").status_code == 404
    EssayPageFactory(parent=index, title="New thinking", slug="new-thinking")
    assert "New thinking" in Client().get("/essays/new-thinking/").text


def test_a_routable_pages_sub_address_keeps_its_view(index):
    """Wagtail gives a routable page's own addresses before its children's; so does a
    remembered route."""
    assert Client().get("/essays/feed/")["Content-Type"].startswith("application/rss+xml")
    EssayPageFactory(parent=index, title="Feed the nation", slug="feed")
    assert Client().get("/essays/feed/")["Content-Type"].startswith("application/rss+xml")


def test_a_restriction_added_after_a_visit_still_keeps_readers_out(essay):
    assert Client().get(essay.url).status_code == 200
    PageViewRestriction.objects.create(
        page=essay, restriction_type=PageViewRestriction.PASSWORD, password="letmein"
    )
    response = Client().get(essay.url)
    assert 'name="password"' in response.text
    assert essay.standfirst not in response.text


def test_a_change_of_site_address_is_followed_at_once(essay):
    assert Client().get(essay.url).status_code == 200
    site = Site.objects.get(is_default_site=True)
    site.is_default_site = False
    site.save()
    assert Client().get(essay.url).status_code == 404
    site.is_default_site = True
    site.save()
    assert Client().get(essay.url).status_code == 200


def test_each_host_keeps_its_own_routes(essay, settings):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "other.example"]
    Site.objects.create(hostname="other.example", port=80, root_page=essay, site_name="Other")
    assert "Why policy fails" in Client().get("/essays/why/").text
    # On the other site the essay is its home page, and /essays/why/ is nothing.
    assert Client(HTTP_HOST="other.example").get("/essays/why/").status_code == 404
    assert "Why policy fails" in Client(HTTP_HOST="other.example").get("/").text
