import pytest

from django.core.cache import cache
from django.utils.text import slugify

from wagtail.models import Page

from people.addresses import DIRECTORY_URL_CACHE_KEY
from people.factories import BloggerIndexPageFactory, OfficialIndexPageFactory


@pytest.fixture(autouse=True)
def fresh_directory_address():
    """Each test starts without a cached directory address from an earlier test's database
    (straight from the cache: many tests here have no database to wait for a commit)."""
    cache.delete(DIRECTORY_URL_CACHE_KEY)
    yield
    cache.delete(DIRECTORY_URL_CACHE_KEY)


@pytest.fixture
def blogger_directory(home_page):
    return BloggerIndexPageFactory(parent=home_page)


@pytest.fixture
def officials_directory(home_page):
    return OfficialIndexPageFactory(parent=home_page)


@pytest.fixture
def live_page(home_page):
    """A live page standing in for a roundup that features bloggers."""

    def make(title="Best of the frontline bloggers", slug=None, live=True):
        return home_page.add_child(
            instance=Page(title=title, slug=slug or slugify(title), live=live)
        )

    return make
