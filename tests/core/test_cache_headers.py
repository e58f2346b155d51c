"""What browsers and shared caches are told: public pages for readers, private for the rest."""

import pytest

from django.http import HttpResponse
from django.test import Client, override_settings

from core.caching import page_etag
from essays.factories import EssayIndexPageFactory, EssayPageFactory
from guests.models import PreviewLink
from roundups.factories import RoundupIndexPageFactory, SuggestionPageFactory

PUBLIC = "public, max-age=60, s-maxage=3600"
pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("cache_settings"),
]


@pytest.fixture
def cache_settings(settings):
    settings.CACHE_MAX_AGE = 60
    settings.CACHE_S_MAXAGE = 3600


@pytest.fixture
def essay(home_page):
    index = EssayIndexPageFactory(parent=home_page)
    return EssayPageFactory(parent=index, title="Why policy fails")


def private(response) -> bool:
    directives = {part.strip() for part in response["Cache-Control"].split(",")}
    return {"private", "no-store"} <= directives


def test_a_live_page_for_a_reader_may_be_kept_by_browsers_and_shared_caches(client, essay):
    response = client.get(essay.url)
    assert response.status_code == 200
    assert response["Cache-Control"] == PUBLIC
    assert response["ETag"].startswith('"')
    assert response["Last-Modified"].endswith("GMT")
    assert "cookie" not in response.get("Vary", "").lower()
    assert not response.cookies


def test_the_same_page_keeps_its_etag_from_one_render_to_the_next(client, essay):
    assert client.get(essay.url)["ETag"] == client.get(essay.url)["ETag"]


def test_a_per_render_csp_nonce_does_not_change_the_etag():
    def rendered(nonce: str) -> HttpResponse:
        response = HttpResponse(f'<script nonce="{nonce}" src="/a.js"></script>')
        response["Content-Security-Policy"] = f"script-src 'self' 'nonce-{nonce}'"
        return response

    assert page_etag(rendered("abc123")) == page_etag(rendered("xyz789"))
    assert page_etag(rendered("abc123")) != page_etag(HttpResponse("<p>other</p>"))


def test_a_reader_with_a_current_copy_gets_304_without_the_page(client, essay):
    etag = client.get(essay.url)["ETag"]
    response = client.get(essay.url, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    assert response.content == b""
    assert response["ETag"] == etag
    # A 304's headers replace the stored ones: a new nonce would break the kept page.
    assert "Content-Security-Policy" not in response


def test_a_copy_dated_after_the_last_change_gets_304(client, essay):
    last_modified = client.get(essay.url)["Last-Modified"]
    response = client.get(essay.url, HTTP_IF_MODIFIED_SINCE=last_modified)
    assert response.status_code == 304


def test_a_changed_page_is_sent_again(client, essay):
    etag = client.get(essay.url)["ETag"]
    essay.title = "Why policy succeeds"
    essay.save_revision().publish()
    response = client.get(essay.url, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert "Why policy succeeds" in response.content.decode()


def test_pages_with_the_newsletter_box_stay_public(client, home_page):
    response = client.get(home_page.url)
    assert 'action="/newsletter/subscribe/"' in response.content.decode()
    assert response["Cache-Control"] == PUBLIC


def test_a_missing_page_is_public_too(client, home_page):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert response["Cache-Control"] == PUBLIC


def test_anything_for_a_signed_in_user_is_private(client, essay, editor):
    client.force_login(editor)
    response = client.get(essay.url)
    assert response.status_code == 200
    assert private(response)
    assert "ETag" not in response


def test_the_admin_is_never_stored(client, editor):
    client.force_login(editor)
    response = client.get("/admin/")
    assert private(response)
    assert private(Client().get("/admin/login/"))


def test_search_with_a_query_is_private_but_the_search_page_is_not(client, home_page):
    assert private(client.get("/search/?q=policy"))
    assert client.get("/search/")["Cache-Control"] == PUBLIC


def test_a_page_whose_form_carries_a_csrf_token_is_private(client, home_page):
    index = RoundupIndexPageFactory(parent=home_page)
    page = SuggestionPageFactory(parent=index)
    response = client.get(page.url)
    assert 'name="csrfmiddlewaretoken"' in response.content.decode()
    assert private(response)


def test_a_shared_preview_link_is_private(client, essay, editor):
    draft = EssayPageFactory(parent=essay.get_parent(), title="Draft", live=False)
    link = PreviewLink.objects.create(page=draft, created_by=editor)
    response = client.get(f"/guests/preview/{link.token}/")
    assert response.status_code == 200
    assert private(response)


def test_a_reader_holding_a_message_gets_a_private_page(client, essay):
    client.cookies["messages"] = "anything"
    assert private(client.get(essay.url))


def test_a_post_is_private(client, home_page):
    response = client.post("/search/", {"q": "x"})
    assert private(response)


@override_settings(PAGE_CACHE=True)
def test_head_answers_from_the_page_cache_without_rendering(client, essay, monkeypatch):
    client.get(essay.url)
    served = []
    monkeypatch.setattr(type(essay), "serve", lambda *args, **kwargs: served.append(1))
    response = client.head(essay.url)
    assert response.status_code == 200
    assert response.content == b""
    assert int(response["Content-Length"]) > 1000
    assert response["Cache-Control"] == PUBLIC
    assert served == []
