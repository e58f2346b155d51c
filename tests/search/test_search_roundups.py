"""Roundups are found by every excerpt's words, and their results lead to the excerpts."""

from datetime import date

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.search.test_search_page import titles

roundup_factories = pytest.importorskip("roundups.factories")
excerpt = roundup_factories.excerpt

SEARCH = "/search/"
TITLE = "Best of the frontline bloggers (week ending 19th October 2012)"


@pytest.fixture
def roundup_index(home_page):
    return roundup_factories.RoundupIndexPageFactory(parent=home_page)


@pytest.fixture
def grumble(make_blogger, sectors):
    return make_blogger("Dr Grumble", slug="dr-grumble", sectors=[sectors["Health"]])


@pytest.fixture
def make_roundup(roundup_index):
    def make(excerpts, week_ending=date(2012, 10, 19), live=True):
        page = roundup_factories.RoundupPageFactory(
            parent=roundup_index, week_ending=week_ending, excerpts=excerpts, live=live
        )
        if live:
            page.save_revision().publish()
        return page

    return make


@pytest.fixture
def roundup(make_roundup, ermintrude, grumble, sectors):
    return make_roundup(
        [
            excerpt(
                ermintrude,
                block_id="lamb",
                title="What I would say to Norman Lamb",
                quote="Take your pleasantries and come and spend a day with me.",
                commentary="<p>A social worker on what ministers should hear.</p>",
                posted_on=date(2012, 10, 18),
            ),
            excerpt(
                grumble,
                block_id="beds",
                title="",
                quote="Closing hospital beds is not a plan.",
                commentary="<p>Dr Grumble on the ward.</p>",
                sector=sectors["Health"],
                posted_on=date(2012, 10, 17),
            ),
        ]
    )


@pytest.mark.parametrize(
    ("query", "anchor"),
    [
        ("Norman Lamb", "excerpt-lamb"),  # the post's title
        ("pleasantries", "excerpt-lamb"),  # the quoted passage
        ("ministers", "excerpt-lamb"),  # the editor's commentary
        ("Ermintrude2", "excerpt-lamb"),  # the blogger's name
        ("hospital beds", "excerpt-beds"),
    ],
)
def test_roundup_is_found_and_links_to_the_matching_excerpt(client, roundup, query, anchor):
    response = client.get(SEARCH, {"q": query, "type": "roundup"})
    html = response.content.decode()
    assert titles(response)[0] == TITLE
    assert f'href="{roundup.url}#{anchor}"' in html


def test_roundup_result_lists_its_matching_excerpts_highlighted(client, roundup):
    html = client.get(SEARCH, {"q": "pleasantries"}).content.decode()
    assert 'Roundup · <time datetime="2012-10-19">19 October 2012</time>' in html
    assert "1 matching excerpt" in html
    assert "<mark>pleasantries</mark>" in html
    assert "What I would say to Norman Lamb" in html


def test_excerpt_without_a_title_is_named_after_its_blog(client, roundup):
    html = client.get(SEARCH, {"q": "beds"}).content.decode()
    assert "From Dr Grumble" in html


def test_draft_roundup_is_not_found(client, make_roundup, ermintrude):
    make_roundup([excerpt(ermintrude, quote="A draft about walruses.")], live=False)
    assert titles(client.get(SEARCH, {"q": "walruses"})) == []


def test_sector_filter_finds_roundups_with_an_excerpt_in_that_sector(client, roundup):
    assert TITLE in titles(client.get(SEARCH, {"q": "beds", "sector": "health"}))
    assert titles(client.get(SEARCH, {"q": "beds", "sector": "policing"})) == []


def test_year_filter_uses_the_week_ending(client, roundup):
    assert TITLE in titles(client.get(SEARCH, {"q": "pleasantries", "year": "2012"}))
    assert titles(client.get(SEARCH, {"q": "pleasantries", "year": "2011"})) == []


def test_queries_do_not_grow_with_excerpts_or_results(client, make_roundup, ermintrude, grumble):
    def roundups(count, excerpts_each, start):
        for n in range(count):
            make_roundup(
                [
                    excerpt(
                        grumble if i % 2 else ermintrude,
                        quote=f"Frontline note {i}.",
                        posted_on=date(start, 1, 1),
                    )
                    for i in range(excerpts_each)
                ],
                week_ending=date(start, 1, 6 + n),
            )

    def count(per_page):
        client.get(SEARCH, {"q": "frontline"})  # warm the caches publishing cleared
        with CaptureQueriesContext(connection) as queries:
            client.get(SEARCH, {"q": "frontline", "per_page": per_page, "type": "roundup"})
        return len(queries)

    roundups(6, 2, 2012)
    small = count(2)
    roundups(6, 20, 2011)
    assert count(5) == small
