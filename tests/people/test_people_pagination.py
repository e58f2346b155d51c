"""The directory and profiles come a page at a time, and the counts they show are kept, not
counted per view."""

import datetime

import pytest

from people.factories import BloggerFactory
from people.featured import FeaturedRow, clear_featured, replace_featured
from people.models import Blogger
from people.models.pages import BLOGGERS_PER_PAGE, EXCERPTS_PER_PAGE

pytestmark = pytest.mark.django_db


def test_the_directory_lists_bloggers_a_page_at_a_time(client, blogger_directory):
    for number in range(BLOGGERS_PER_PAGE + 3):
        BloggerFactory(name=f"Blogger {number:03d}")
    first = client.get("/bloggers/").content.decode()
    assert "Blogger 000" in first and f"Blogger {BLOGGERS_PER_PAGE - 1:03d}" in first
    assert f"Blogger {BLOGGERS_PER_PAGE:03d}" not in first
    assert 'href="?page=2" rel="next">More bloggers</a>' in first
    second = client.get("/bloggers/?page=2").content.decode()
    assert f"Blogger {BLOGGERS_PER_PAGE + 2:03d}" in second
    assert "Blogger 000" not in second
    # Odd page numbers show a page rather than an error.
    assert client.get("/bloggers/?page=x").status_code == 200
    assert "Blogger 000" not in client.get("/bloggers/?page=99").content.decode()


def test_a_profile_lists_featured_posts_a_page_at_a_time(client, blogger_directory, live_page):
    blogger = BloggerFactory(name="Ermintrude2", slug="ermintrude2")
    total = EXCERPTS_PER_PAGE + 2
    week = datetime.date(2012, 10, 19)
    for number in range(total):
        page = live_page(title=f"Roundup {number}")
        replace_featured(
            page,
            [
                FeaturedRow(
                    blogger_id=blogger.pk,
                    page_date=week - datetime.timedelta(weeks=number),
                    post_title=f"Post {number:02d}",
                )
            ],
        )
    first = client.get("/bloggers/ermintrude2/").content.decode()
    assert f"featured {total} times" in first
    assert "Post 00" in first and f"Post {EXCERPTS_PER_PAGE:02d}" not in first
    second = client.get("/bloggers/ermintrude2/?page=2").content.decode()
    assert f"Post {total - 1:02d}" in second and "Post 00" not in second


def test_featured_counts_follow_publishing_without_counting_per_view(
    client, blogger_directory, live_page, django_assert_max_num_queries
):
    blogger = BloggerFactory(name="Dr Grumble")
    pages = [live_page(title=f"Roundup {n}") for n in range(3)]
    for page in pages:
        replace_featured(
            page, [FeaturedRow(blogger_id=blogger.pk, page_date=datetime.date.today())]
        )
    assert Blogger.objects.get(pk=blogger.pk).featured_count == 3
    clear_featured(pages[0])
    assert Blogger.objects.get(pk=blogger.pk).featured_count == 2
    html = client.get("/bloggers/").content.decode()
    assert "2 posts featured" in html
