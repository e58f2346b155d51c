import pytest
import time_machine

from django.core.cache import cache
from django.utils import timezone

from wagtail.models import Page

from people.addresses import DIRECTORY_URL_CACHE_KEY, DIRECTORY_URL_TIMEOUT
from people.factories import BloggerFactory, BloggerIndexPageFactory, SectorFactory


@pytest.mark.django_db
def test_blogger_address_is_their_profile_under_the_directory(blogger_directory):
    blogger = BloggerFactory(slug="ermintrude2")
    assert blogger.get_absolute_url() == "/bloggers/ermintrude2/"


@pytest.mark.django_db
def test_sector_address_is_its_group_in_the_directory(blogger_directory):
    sector = SectorFactory(slug="social-care")
    assert sector.get_absolute_url() == "/bloggers/#social-care"


@pytest.mark.django_db
def test_no_address_while_there_is_no_live_directory(home_page):
    blogger = BloggerFactory()
    assert blogger.get_absolute_url() == ""
    BloggerIndexPageFactory(parent=home_page, live=False)
    assert blogger.get_absolute_url() == ""


@pytest.mark.django_db
def test_addresses_for_many_bloggers_cost_no_queries(blogger_directory, django_assert_num_queries):
    bloggers = BloggerFactory.create_batch(50)
    bloggers[0].get_absolute_url()
    with django_assert_num_queries(0):
        urls = [blogger.get_absolute_url() for blogger in bloggers]
    assert urls == [f"/bloggers/{blogger.slug}/" for blogger in bloggers]


@pytest.mark.django_db
def test_address_follows_the_directory_when_its_slug_is_published(blogger_directory):
    blogger = BloggerFactory(slug="dr-grumble")
    assert blogger.get_absolute_url() == "/bloggers/dr-grumble/"
    blogger_directory.slug = "frontline-bloggers"
    blogger_directory.save_revision().publish()
    assert blogger.get_absolute_url() == "/frontline-bloggers/dr-grumble/"


@pytest.mark.django_db
def test_address_disappears_when_the_directory_is_unpublished(blogger_directory):
    blogger = BloggerFactory()
    assert blogger.get_absolute_url()
    blogger_directory.unpublish()
    assert blogger.get_absolute_url() == ""


@pytest.mark.django_db
def test_address_follows_the_directory_when_it_moves(home_page, blogger_directory):
    section = home_page.add_child(instance=Page(title="People", slug="people"))
    blogger = BloggerFactory(slug="frank-chalk")
    assert blogger.get_absolute_url() == "/bloggers/frank-chalk/"
    blogger_directory.move(section, pos="last-child")
    assert blogger.get_absolute_url() == "/people/bloggers/frank-chalk/"


@pytest.mark.django_db
def test_address_disappears_when_the_directory_is_deleted(blogger_directory):
    blogger = BloggerFactory()
    assert blogger.get_absolute_url()
    blogger_directory.delete()
    assert blogger.get_absolute_url() == ""


@pytest.mark.django_db
def test_profile_address_serves_the_profile(client, blogger_directory):
    blogger = BloggerFactory(name="Nathan Constable", slug="nathan-constable")
    response = client.get(blogger.get_absolute_url())
    assert response.status_code == 200
    assert "<h1>Nathan Constable</h1>" in response.content.decode()


@pytest.mark.django_db
def test_unknown_blogger_address_is_not_found(client, blogger_directory):
    assert client.get("/bloggers/nobody-by-that-name/").status_code == 404


@pytest.mark.django_db
def test_an_old_address_stored_by_another_worker_before_the_move_commits_is_forgotten(
    blogger_directory, django_capture_on_commit_callbacks
):
    """Another worker reading while the slug change is still uncommitted sees the old
    address and caches it; the change forgets it again when it commits."""
    blogger = BloggerFactory(slug="dr-grumble")
    with django_capture_on_commit_callbacks(execute=False) as on_commit:
        blogger_directory.slug = "frontline-bloggers"
        blogger_directory.save_revision().publish()
        # What the other worker, not seeing the uncommitted change, puts back meanwhile.
        cache.set(DIRECTORY_URL_CACHE_KEY, "/bloggers/", timeout=DIRECTORY_URL_TIMEOUT)
        assert blogger.get_absolute_url() == "/bloggers/dr-grumble/"
    assert on_commit
    for callback in on_commit:
        callback()
    assert blogger.get_absolute_url() == "/frontline-bloggers/dr-grumble/"


@pytest.mark.django_db
def test_the_cached_address_expires_even_if_never_forgotten(blogger_directory):
    blogger = BloggerFactory(slug="dr-grumble")
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        assert blogger.get_absolute_url() == "/bloggers/dr-grumble/"
        # A change no signal reports (made straight in the database).
        Page.objects.filter(pk=blogger_directory.pk).update(
            slug="frontline-bloggers",
            url_path=blogger_directory.url_path.replace("/bloggers/", "/frontline-bloggers/"),
        )
        assert blogger.get_absolute_url() == "/bloggers/dr-grumble/"  # still cached
        traveller.shift(DIRECTORY_URL_TIMEOUT + 1)
        assert blogger.get_absolute_url() == "/frontline-bloggers/dr-grumble/"
