import pytest

from people.factories import BloggerIndexPageFactory
from people.models.pages import forget_blogger_directory_url


@pytest.fixture(autouse=True)
def fresh_directory_address():
    """Each test starts without a cached directory address from an earlier test's database."""
    forget_blogger_directory_url()
    yield
    forget_blogger_directory_url()


@pytest.fixture
def blogger_directory(home_page):
    return BloggerIndexPageFactory(parent=home_page)
