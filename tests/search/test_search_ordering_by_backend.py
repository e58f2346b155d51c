"""Results are ordered best first whatever the search backend's scoring convention.

Each test runs against the configured backend (the database backend: FTS5 on SQLite,
full text on PostgreSQL) and against a stand-in that scores as Elasticsearch and
OpenSearch do (positive, higher is better) while the database still answers. Ranking
must follow the backend, not the database: Elasticsearch in front of SQLite must not
rank upside down.
"""

import pytest

from essays.factories import EssayIndexPageFactory, EssayPageFactory
from search import engine
from search.backends import search_backend
from tests.search.test_search_page import titles

SEARCH = "/search/"


class ElasticsearchScoredResults:
    """Results whose scores follow Elasticsearch's convention: relevance as a positive
    number that grows with it (the database's own scores, by size, in the same order)."""

    def __init__(self, results):
        self.results = results
        self.score_name = None

    def annotate_score(self, name):
        self.results = self.results.annotate_score(name)
        self.score_name = name
        return self

    def __getitem__(self, key):
        found = self.results[key]
        for obj in found:
            setattr(obj, self.score_name, abs(float(getattr(obj, self.score_name) or 0.0)))
        return found

    def count(self) -> int:
        return self.results.count()


class ElasticsearchScoredBackend:
    """The configured backend, answering with Elasticsearch's scores; it declares no
    convention of its own, as Wagtail's Elasticsearch and OpenSearch backends do not."""

    def __init__(self, backend):
        self.backend = backend

    def search(self, *args, **kwargs):
        return ElasticsearchScoredResults(self.backend.search(*args, **kwargs))

    def autocomplete(self, *args, **kwargs):
        return ElasticsearchScoredResults(self.backend.autocomplete(*args, **kwargs))


@pytest.fixture(params=["configured backend", "elasticsearch scoring"])
def backend(request, monkeypatch, db):
    if request.param == "elasticsearch scoring":
        stub = ElasticsearchScoredBackend(search_backend())
        monkeypatch.setattr(engine, "search_backend", lambda: stub)
    return request.param


@pytest.fixture
def essay_index(home_page):
    return EssayIndexPageFactory(parent=home_page)


def essay(parent, title, text):
    return EssayPageFactory(parent=parent, title=title, body=[("paragraph", f"<p>{text}</p>")])


def test_a_word_in_the_title_ranks_above_the_same_word_in_the_body(client, essay_index, backend):
    essay(essay_index, "Notes from the ward", "Respite care is closing, and so is the ward.")
    essay(essay_index, "Respite, and why it matters", "A week away from caring.")
    found = titles(client.get(SEARCH, {"q": "respite"}))
    assert found == ["Respite, and why it matters", "Notes from the ward"]


def test_a_page_that_says_it_more_often_ranks_higher(client, essay_index, backend):
    essay(essay_index, "Once", "Commissioning was mentioned. Then other things entirely.")
    essay(essay_index, "Often", "Commissioning here, commissioning there: commissioning is it.")
    assert titles(client.get(SEARCH, {"q": "commissioning"})) == ["Often", "Once"]


def test_a_blogger_named_by_the_search_comes_before_a_passing_mention(
    client, essay_index, make_blogger, backend
):
    make_blogger("Ermintrude2", role="Works in dementia services")
    essay(essay_index, "Passing", "A long essay that names Ermintrude2 once, among much else.")
    found = titles(client.get(SEARCH, {"q": "Ermintrude2"}))
    assert found[0] == "Ermintrude2" and "Passing" in found


def test_scores_compare_higher_as_better_whatever_the_convention():
    class Bm25Like:
        lower_score_is_better = True

    class ElasticsearchLike:
        pass

    assert engine.comparable_score(-3.0, Bm25Like()) > engine.comparable_score(-1.0, Bm25Like())
    assert engine.comparable_score(3.0, ElasticsearchLike()) > engine.comparable_score(
        1.0, ElasticsearchLike()
    )
