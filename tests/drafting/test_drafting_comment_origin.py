"""An essay open for comment is the same page for every reader, so Varnish, a CDN and the
page cache can keep it while it goes viral: its comment form carries no CSRF token.
Instead a comment must show it was posted from this site; a form elsewhere stores nothing.
Every other page and route keeps Django's CSRF check."""

import pytest

from django.core.cache import cache
from django.test import Client

from drafting.models import Comment
from tests.drafting.test_drafting_commenting import comment_url, form_data

EVIL = "https://evil.example"
pytestmark = pytest.mark.django_db


def strict(**headers) -> Client:
    """A browser that sends no CSRF token unless the page gave it one."""
    return Client(enforce_csrf_checks=True, **headers)


def test_the_page_with_the_comment_form_is_shareable(open_essay, settings):
    settings.PAGE_CACHE = True
    cache.clear()
    first = Client().get(open_essay.url)
    html = first.content.decode()
    assert 'id="comment-form"' in html
    assert "csrfmiddlewaretoken" not in html
    assert first["Cache-Control"].startswith("public")
    assert "csrftoken" not in first.cookies
    second = Client().get(open_essay.url)
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_SEC_FETCH_SITE": "cross-site", "HTTP_ORIGIN": EVIL},
        {"HTTP_SEC_FETCH_SITE": "same-site"},
        {"HTTP_ORIGIN": EVIL},
        {"HTTP_ORIGIN": "null"},
        {"HTTP_REFERER": f"{EVIL}/essays/"},
        {},
    ],
    ids=["fetch-cross-site", "fetch-same-site", "origin", "origin-null", "referer", "none"],
)
def test_a_comment_posted_from_elsewhere_is_refused_keeping_what_was_typed(open_essay, headers):
    data = form_data(open_essay, text="Words typed on another site", author_name="Pat Reader")
    response = strict(**headers).post(comment_url(open_essay), data)
    assert response.status_code == 403
    html = response.content.decode()
    assert "did not come from a page of this site" in html
    assert "Words typed on another site</textarea>" in html
    assert 'value="Pat Reader"' in html
    assert not Comment.objects.exists()


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_SEC_FETCH_SITE": "same-origin"},
        {"HTTP_ORIGIN": "http://testserver"},
        {"HTTP_REFERER": "http://testserver/essays/drafting-with-the-frontline/"},
    ],
    ids=["fetch-same-origin", "origin", "referer"],
)
def test_a_comment_posted_from_the_page_itself_is_taken_without_a_token(open_essay, headers):
    response = strict(**headers).post(comment_url(open_essay), form_data(open_essay))
    assert response.status_code == 302
    assert Comment.objects.get().text == "The forms are filled in three times, not twice."


def test_the_pages_other_addresses_still_need_a_csrf_token(open_essay):
    """Only the comment route is exempt: a post to the page itself is checked by Django."""
    same_origin = strict(HTTP_SEC_FETCH_SITE="same-origin")
    assert same_origin.post(open_essay.url, form_data(open_essay)).status_code == 403
    assert same_origin.post(open_essay.url + "you-said-we-did/", {}).status_code == 403
    assert not Comment.objects.exists()
