"""The search page: one ranked list, counts, filters, pages, promotions, recorded searches."""

import re

import pytest
import time_machine

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion

from people.factories import BloggerIndexPageFactory
from search.suggestions import forget_vocabulary

SEARCH = "/search/"


def titles(response) -> list[str]:
    """The result titles, in order, as a reader sees them."""
    html = response.content.decode()
    found = re.findall(r'<h3 class="search-result__title">(.*?)</h3>', html, re.S)
    return [re.sub(r"<[^>]+>", "", title).strip() for title in found]


def test_blogger_is_found_by_words_in_their_profile(client, ermintrude):
    response = client.get(SEARCH, {"q": "dementia"})
    assert titles(response) == ["Ermintrude2"]
    assert "<mark>dementia</mark>" in response.content.decode()


def test_blogger_is_found_by_the_beginning_of_a_pen_name(client, ermintrude):
    assert titles(client.get(SEARCH, {"q": "Ermintrude"})) == ["Ermintrude2"]


def test_result_shows_its_type_and_sector(client, ermintrude):
    html = client.get(SEARCH, {"q": "dementia"}).content.decode()
    assert '<p class="search-result__kind">Blogger</p>' in html
    assert "Social care" in html


def test_pages_and_profiles_come_in_one_list(client, home_page, make_blogger):
    make_blogger("Guerilla Gardener", role="Blogs about guerilla gardening")
    response = client.get(SEARCH, {"q": "guerilla"})
    assert sorted(titles(response)) == ["Guerilla Gardener", "Guerilla Policy"]
    assert "2 results for “guerilla”" in response.content.decode()


def test_results_count_is_shown(client, make_blogger):
    for i in range(3):
        make_blogger(f"Carer {i}", role="Unpaid carer")
    assert "3 results for “carer”" in client.get(SEARCH, {"q": "carer"}).content.decode()


def test_no_result_with_every_word_falls_back_to_any_word(client, ermintrude):
    html = client.get(SEARCH, {"q": "dementia zebra"}).content.decode()
    assert "Nothing had all of your words" in html
    assert "Ermintrude2" in html


def test_type_filter_leaves_out_other_kinds(client, home_page, ermintrude):
    response = client.get(SEARCH, {"q": "dementia", "type": "page"})
    assert titles(response) == []
    assert "No results for “dementia”" in response.content.decode()
    assert titles(client.get(SEARCH, {"q": "dementia", "type": "blogger"})) == ["Ermintrude2"]


def test_sector_filter_combines_with_the_query(client, ermintrude, make_blogger, sectors):
    make_blogger("Ward Sister", role="Dementia nurse", sectors=[sectors["Health"]])
    assert titles(client.get(SEARCH, {"q": "dementia"})) != []
    assert titles(client.get(SEARCH, {"q": "dementia", "sector": "health"})) == ["Ward Sister"]
    assert titles(client.get(SEARCH, {"q": "dementia", "sector": "social-care"})) == ["Ermintrude2"]
    assert titles(client.get(SEARCH, {"q": "dementia", "sector": "policing"})) == []


def test_year_filter_leaves_out_undated_profiles(client, ermintrude):
    response = client.get(SEARCH, {"q": "dementia", "year": "2012"})
    assert titles(response) == []
    assert "Search everything, without the filters" in response.content.decode()


def test_query_naming_a_sector_offers_that_sector(client, ermintrude):
    html = client.get(SEARCH, {"q": "social care"}).content.decode()
    assert "Show only results in Social care" in html
    assert "sector=social-care" in html


@pytest.fixture
def many_carers(make_blogger):
    for i in range(25):
        make_blogger(f"Carer {i:02d}", role="Unpaid carer", bio="A carer " * i)


def test_results_are_paginated_with_numbered_pages(client, many_carers):
    first = client.get(SEARCH, {"q": "carer", "per_page": "10"})
    third = client.get(SEARCH, {"q": "carer", "per_page": "10", "page": "3"})
    assert len(titles(first)) == 10
    assert len(titles(third)) == 5
    assert set(titles(first)).isdisjoint(titles(third))
    html = first.content.decode()
    assert "Page 1 of 3" in html
    assert 'rel="next"' in html and "page=2" in html
    assert '<ol class="search-results" start="21">' in third.content.decode()


def test_page_past_the_end_shows_the_last_page(client, many_carers):
    response = client.get(SEARCH, {"q": "carer", "page": "40"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "There is no page 40 of these results; here is page 3, the last." in html
    assert len(titles(response)) == 5


def test_queries_for_a_page_of_results_do_not_grow_with_its_size(client, many_carers):
    client.get(SEARCH, {"q": "carer"})  # warm caches (site root paths, vocabulary)

    def count(per_page):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(SEARCH, {"q": "carer", "per_page": per_page})
        assert len(titles(response)) == per_page
        return len(queries)

    assert count(5) == count(20)
    assert count(20) <= 20


def test_each_search_is_recorded_for_editors(client, ermintrude):
    client.get(SEARCH, {"q": "Dementia  Care"})
    client.get(SEARCH, {"q": "dementia care"})
    client.get(SEARCH, {"q": "dementia care", "page": "2"})  # paging is not a new search
    assert Query.get("dementia care").hits == 2


def test_empty_or_meaningless_searches_are_not_recorded(client, ermintrude):
    client.get(SEARCH, {"q": ""})
    client.get(SEARCH, {"q": "?!"})
    assert not Query.objects.exists()


def test_editors_pick_comes_first_and_is_not_repeated(client, home_page, ermintrude):
    query = Query.get("dementia")
    SearchPromotion.objects.create(
        query=query, page=home_page, description="Start here.", sort_order=0
    )
    SearchPromotion.objects.create(
        query=query,
        external_link_url="https://example.org/dementia",
        external_link_text="Dementia guide",
        sort_order=1,
    )
    response = client.get(SEARCH, {"q": "Dementia"})
    html = response.content.decode()
    assert titles(response) == ["Guerilla Policy", "Dementia guide", "Ermintrude2"]
    assert html.index("Editors’ picks") < html.index("Ermintrude2")
    assert "Start here." in html
    assert "3 results" in html


def test_editors_pick_of_an_unpublished_page_is_not_shown(client, home_page, ermintrude):
    SearchPromotion.objects.create(query=Query.get("dementia"), page=home_page)
    home_page.unpublish()
    assert titles(client.get(SEARCH, {"q": "dementia"})) == ["Ermintrude2"]


def test_empty_page_suggests_a_spelling_from_known_names(client, ermintrude, make_blogger):
    make_blogger("Dr Grumble", role="A hospital doctor")
    forget_vocabulary()
    response = client.get(SEARCH, {"q": "grumbel"})
    html = response.content.decode()
    assert "Nothing found" in html
    assert "Did you mean" in html and "?q=Grumble" in html


@time_machine.travel("2012-10-19 12:00 +0000")
def test_empty_page_lists_popular_searches_the_site_knows(client, ermintrude):
    forget_vocabulary()
    for query_string, hits in [("ermintrude2", 5), ("zzxq spam", 50), ("the", 9)]:
        QueryDailyHits.objects.create(query=Query.get(query_string), date="2012-10-18", hits=hits)
    QueryDailyHits.objects.create(query=Query.get("musings"), date="2012-08-01", hits=90)
    html = client.get(SEARCH).content.decode()
    assert "Popular searches" in html
    assert ">ermintrude2</a>" in html
    assert "zzxq" not in html  # words the site doesn't know never show publicly
    assert ">the</a>" not in html
    assert ">musings</a>" not in html  # too long ago


def test_blogger_result_links_to_their_profile(client, home_page, ermintrude):
    BloggerIndexPageFactory(parent=home_page)
    html = client.get(SEARCH, {"q": "dementia"}).content.decode()
    assert '<a href="/bloggers/ermintrude/">Ermintrude2</a>' in html


def test_sector_is_found_by_name_and_leads_to_its_bloggers(client, home_page, sectors):
    BloggerIndexPageFactory(parent=home_page)
    response = client.get(SEARCH, {"q": "policing"})
    assert titles(response) == ["Policing"]
    assert 'href="/bloggers/#policing"' in response.content.decode()
