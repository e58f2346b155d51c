"""Officials are found by name, post and what they do on Twitter."""

import pytest

from people.factories import DepartmentFactory, OfficialFactory, OfficialIndexPageFactory
from tests.search.test_search_page import titles

SEARCH = "/search/"


@pytest.fixture
def kerslake(home_page):
    OfficialIndexPageFactory(parent=home_page)
    return OfficialFactory(
        name="Sir Bob Kerslake",
        post="Head of the Civil Service",
        department=DepartmentFactory(name="Communities and Local Government", slug="dclg"),
        twitter_handle="SirBobKerslake",
        twitter_note="tweets about once a week",
    )


def test_official_is_found_by_surname_and_post(client, kerslake):
    assert titles(client.get(SEARCH, {"q": "Kerslake"})) == ["Sir Bob Kerslake"]
    assert titles(client.get(SEARCH, {"q": "head civil service"})) == ["Sir Bob Kerslake"]


def test_official_result_shows_post_department_and_twitter_and_links_to_the_table(client, kerslake):
    html = client.get(SEARCH, {"q": "Kerslake"}).content.decode()
    assert '<p class="search-result__kind">Official</p>' in html
    assert "Head of the Civil Service · Communities and Local Government" in html
    assert "@SirBobKerslake on Twitter" in html
    assert 'href="/officials/?department=dclg"' in html


def test_official_without_twitter_says_so(client, home_page):
    OfficialFactory(name="Dame Ursula Brennan", post="Permanent Secretary", twitter_handle="")
    html = client.get(SEARCH, {"q": "Brennan"}).content.decode()
    assert "Not on Twitter" in html


def test_type_filter_for_officials(client, kerslake, make_blogger):
    make_blogger("Kerslake Watcher")
    assert len(titles(client.get(SEARCH, {"q": "Kerslake"}))) == 2
    assert titles(client.get(SEARCH, {"q": "Kerslake", "type": "official"})) == ["Sir Bob Kerslake"]
