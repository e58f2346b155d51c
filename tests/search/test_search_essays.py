"""Essays and series are found, and only while they are live and public."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from wagtail.models import PageViewRestriction
from wagtail.search.models import IndexEntry

from essays.factories import (
    AuthorFactory,
    EssayIndexPageFactory,
    EssayPageFactory,
    SeriesPageFactory,
)
from tests.search.test_search_page import titles

SEARCH = "/search/"
LONDON = ZoneInfo("Europe/London")


@pytest.fixture
def essay_index(home_page):
    return EssayIndexPageFactory(parent=home_page)


@pytest.fixture
def gove_essay(essay_index):
    return EssayPageFactory(
        parent=essay_index,
        title="Michael Gove’s approach to education reform",
        slug="gove",
        author=AuthorFactory(name="Anna Reader"),
        published_at=datetime(2012, 10, 19, 9, tzinfo=LONDON),
        standfirst="The opposite of open policymaking.",
        body=[
            ("paragraph", "<p>Teachers were told about rigorous selection tests.</p>"),
            ("heading", {"text": "What the consultation missed", "level": "h2"}),
            ("quote", {"quote": "Open policy making will become the default.", "attribution": ""}),
        ],
    )


def test_essay_is_found_by_title_standfirst_and_body(client, gove_essay):
    for word in ["Gove", "opposite", "rigorous", "consultation", "default"]:
        assert titles(client.get(SEARCH, {"q": word})) == [gove_essay.title], word


def test_essay_result_shows_type_date_author_link_and_highlighted_extract(client, gove_essay):
    html = client.get(SEARCH, {"q": "rigorous selection"}).content.decode()
    assert 'Essay · <time datetime="2012-10-19">19 October 2012</time>' in html
    assert "By Anna Reader" in html
    assert '<a href="/essays/gove/">' in html
    assert "<mark>rigorous</mark> <mark>selection</mark>" in html


def test_draft_essay_is_not_found(client, essay_index):
    EssayPageFactory(parent=essay_index, title="Unpublished thoughts on zebras", live=False)
    assert titles(client.get(SEARCH, {"q": "zebras"})) == []


def test_private_essay_is_not_found(client, gove_essay):
    PageViewRestriction.objects.create(
        page=gove_essay, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    assert titles(client.get(SEARCH, {"q": "rigorous"})) == []


def test_essays_under_a_private_section_are_not_found(client, essay_index, gove_essay):
    PageViewRestriction.objects.create(page=essay_index, restriction_type="login")
    assert titles(client.get(SEARCH, {"q": "rigorous"})) == []


def test_essay_is_found_once_published_and_not_after_unpublishing(client, essay_index):
    essay = EssayPageFactory(parent=essay_index, title="Notes on zebras", live=False)
    assert titles(client.get(SEARCH, {"q": "zebras"})) == []
    essay.save_revision().publish()
    assert titles(client.get(SEARCH, {"q": "zebras"})) == ["Notes on zebras"]
    essay.refresh_from_db()
    essay.unpublish()
    assert titles(client.get(SEARCH, {"q": "zebras"})) == []


def test_published_edit_replaces_the_old_words(client, gove_essay):
    gove_essay.title = "A new approach to teacher training"
    gove_essay.save_revision().publish()
    assert titles(client.get(SEARCH, {"q": "training"})) == ["A new approach to teacher training"]
    assert titles(client.get(SEARCH, {"q": "Gove"})) == []


def test_draft_edit_of_a_live_essay_is_not_searchable_until_published(client, gove_essay):
    gove_essay.title = "Working title about walruses"
    gove_essay.save_revision()
    assert titles(client.get(SEARCH, {"q": "walruses"})) == []
    assert titles(client.get(SEARCH, {"q": "Gove"})) == [
        "Michael Gove’s approach to education reform"
    ]


def test_deleted_essay_leaves_the_index(client, gove_essay):
    entries = IndexEntry.objects.filter(object_id=str(gove_essay.pk))
    assert entries.exists()
    gove_essay.delete()
    assert not entries.exists()
    assert titles(client.get(SEARCH, {"q": "rigorous"})) == []


def test_editor_unpublishing_in_the_admin_removes_the_essay_from_results(
    client, editor, gove_essay
):
    client.force_login(editor)
    response = client.post(f"/admin/pages/{gove_essay.pk}/unpublish/")
    assert response.status_code == 302
    client.logout()
    assert titles(client.get(SEARCH, {"q": "rigorous"})) == []


def test_year_filter_uses_the_date_readers_see(client, gove_essay):
    assert titles(client.get(SEARCH, {"q": "Gove", "year": "2012"})) == [gove_essay.title]
    assert titles(client.get(SEARCH, {"q": "Gove", "year": "2013"})) == []
    html = client.get(SEARCH, {"q": "Gove"}).content.decode()
    assert '<option value="2012">2012</option>' in html


def test_type_filter_keeps_essays_and_drops_profiles(client, gove_essay, make_blogger):
    make_blogger("Gove Watcher", role="Follows education policy")
    assert len(titles(client.get(SEARCH, {"q": "Gove"}))) == 2
    assert titles(client.get(SEARCH, {"q": "Gove", "type": "essay"})) == [gove_essay.title]
    assert titles(client.get(SEARCH, {"q": "Gove", "type": "blogger"})) == ["Gove Watcher"]


def test_series_and_its_parts_are_found_and_parts_name_their_series(client, essay_index):
    series = SeriesPageFactory(
        parent=essay_index,
        title="Ten reasons why we need a new approach to developing social policy",
        introduction="<p>A manifesto in ten parts.</p>",
    )
    EssayPageFactory(parent=series, title="It’s the future", standfirst="Part nine.")
    response = client.get(SEARCH, {"q": "manifesto"})
    assert titles(response) == [series.title]
    assert "Series" in response.content.decode()
    html = client.get(SEARCH, {"q": "future"}).content.decode()
    assert "Part of the series “Ten reasons why we need a new approach" in html


def test_queries_for_a_page_of_essays_do_not_grow_with_its_size(client, essay_index, make_blogger):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    author = AuthorFactory()
    for i in range(25):
        EssayPageFactory(parent=essay_index, title=f"Frontline essay {i}", author=author)
    for i in range(3):
        make_blogger(f"Frontline blogger {i}")
    client.get(SEARCH, {"q": "frontline"})  # warm caches

    def count(per_page):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(SEARCH, {"q": "frontline", "per_page": per_page})
        assert len(titles(response)) == per_page
        return len(queries)

    assert count(5) == count(20)
