"""Whatever a reader types or a link carries, the search page answers sensibly, never with a 500."""

import pytest

SEARCH = "/search/"


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"q": ""}, "Search essays, series"),
        ({}, "Search essays, series"),
        ({"q": "   "}, "Search essays, series"),
        ({"q": "?!…;:-—()[]{}"}, "has no words we can search for"),
        ({"q": "the and of"}, "has only very common words"),
        ({"q": '"dementia services'}, "Ermintrude2"),
        ({"q": 'dementia" services"'}, "Ermintrude2"),
        ({"q": "dementia' OR 1=1; DROP TABLE people_blogger; --"}, "result"),
        ({"q": "dementia* AND NOT (x) NEAR/2 y:z ^"}, "result"),
        ({"q": "dementia\\"}, "Ermintrude2"),
        ({"q": "dementia", "type": "unicorn"}, "anything of the type “unicorn”"),
        ({"q": "dementia", "sector": "nowhere"}, "a sector called “nowhere”"),
        ({"q": "dementia", "year": "1066"}, "We have nothing from 1066"),
        ({"q": "dementia", "page": "999"}, "There is no page 999"),
        ({"q": "dementia", "page": "0"}, "Pages start at 1"),
        ({"q": "dementia", "per_page": "5000"}, "between 1 and 50 results a page"),
    ],
)
def test_odd_input_gets_a_page_with_a_sensible_message(client, ermintrude, params, message):
    response = client.get(SEARCH, params)
    assert response.status_code == 200
    assert message in response.content.decode()


@pytest.mark.parametrize(
    "params",
    [
        {"q": "dementia", "page": "abc"},
        {"q": "dementia", "page": "-1"},
        {"q": "dementia", "page": "1.5"},
        {"q": "dementia", "year": "twenty"},
        {"q": "dementia", "per_page": "lots"},
        {"q": "dementia", "sector": "<b>care</b>"},
    ],
)
def test_malformed_parameter_is_a_bad_request_that_keeps_the_query(client, ermintrude, params):
    response = client.get(SEARCH, params)
    assert response.status_code == 400
    html = response.content.decode()
    assert "We couldn’t read that search" in html
    assert 'value="dementia"' in html
    assert "<b>care</b>" not in html


def test_markup_in_the_query_is_echoed_escaped(client, ermintrude):
    response = client.get(SEARCH, {"q": '<script>alert("x")</script> dementia'})
    html = response.content.decode()
    assert response.status_code == 200
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; dementia" in html


def test_ten_thousand_character_query_is_cut_and_says_so(client, ermintrude):
    response = client.get(SEARCH, {"q": "dementia " + "x" * 10_000})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Your search was long" in html
    assert "x" * 300 not in html


def test_very_many_words_are_searched_for_the_first_few(client, ermintrude):
    words = " ".join(f"word{i}" for i in range(40))
    response = client.get(SEARCH, {"q": "dementia " + words})
    assert response.status_code == 200
    assert "Your search was long" in response.content.decode()


def test_unknown_type_alongside_a_known_one_keeps_the_known_one(client, ermintrude):
    response = client.get(SEARCH, {"q": "dementia", "type": ["blogger", "unicorn"]})
    html = response.content.decode()
    assert "showing the other types you chose" in html
    assert "Ermintrude2" in html


def test_post_is_not_needed_and_the_form_works_without_javascript(client, ermintrude):
    html = client.get(SEARCH).content.decode()
    assert '<form class="search-form" action="/search/" method="get"' in html
    assert 'name="q"' in html
    assert "<script" not in html.split("<main", 1)[1]
