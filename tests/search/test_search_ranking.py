"""How results are ordered and matched, and (on PostgreSQL) the word list they rank from."""

import pytest

from django.core.management import call_command
from django.db import connection

from wagtail.search.models import IndexEntry

from essays.factories import EssayIndexPageFactory, EssayPageFactory
from search import terms
from search.models import IndexTerm
from tests.search.test_search_page import titles

SEARCH = "/search/"

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="only PostgreSQL ranks from the word list"
)


@pytest.fixture
def essay_index(home_page):
    return EssayIndexPageFactory(parent=home_page)


def essay(parent, title, text, **fields):
    return EssayPageFactory(
        parent=parent, title=title, body=[("paragraph", f"<p>{text}</p>")], **fields
    )


def test_a_word_in_the_title_ranks_above_the_same_word_in_the_body(client, essay_index):
    essay(essay_index, "Notes from the ward", "Respite care is closing, and so is the ward.")
    essay(essay_index, "Respite, and why it matters", "A week away from caring.")
    found = titles(client.get(SEARCH, {"q": "respite"}))
    assert found == ["Respite, and why it matters", "Notes from the ward"]


def test_a_page_that_says_it_more_often_ranks_higher(client, essay_index):
    essay(essay_index, "Once", "Commissioning was mentioned. Then other things entirely.")
    essay(
        essay_index,
        "Often",
        "Commissioning here, commissioning there: commissioning is the whole story.",
    )
    assert titles(client.get(SEARCH, {"q": "commissioning"})) == ["Often", "Once"]


def test_a_phrase_needs_its_words_together_and_in_order(client, essay_index):
    essay(essay_index, "Together", "We argued for open policy from the start.")
    essay(essay_index, "Apart", "Policy was never open to us.")
    assert titles(client.get(SEARCH, {"q": '"open policy"'})) == ["Together"]
    assert sorted(titles(client.get(SEARCH, {"q": "open policy"}))) == ["Apart", "Together"]


def test_a_phrase_and_a_word_must_both_match(client, essay_index):
    essay(essay_index, "Both", "Open policy, and the teachers who tried it.")
    essay(essay_index, "Phrase only", "Open policy, and nothing else.")
    assert titles(client.get(SEARCH, {"q": '"open policy" teachers'})) == ["Both"]


def test_with_no_page_having_every_word_a_rare_word_counts_for_more(client, essay_index):
    for number in range(5):
        essay(essay_index, f"Common {number}", "Government says many things.")
    essay(essay_index, "Rare", "Kerslake said one thing.")
    response = client.get(SEARCH, {"q": "government kerslake"})
    assert "Nothing had all of your words" in response.content.decode()
    assert titles(response)[0] == "Rare"


def test_update_index_rebuilds_what_search_finds(client, essay_index):
    essay(essay_index, "Rebuilt", "Safeguarding matters.")
    IndexEntry.objects.all().delete()
    assert titles(client.get(SEARCH, {"q": "safeguarding"})) == []
    call_command("update_index", stdout=None, verbosity=0)
    assert titles(client.get(SEARCH, {"q": "safeguarding"})) == ["Rebuilt"]


# The word list (PostgreSQL) ---------------------------------------------------


def words_of(page) -> set[str]:
    return set(IndexTerm.objects.filter(object_id=page.pk).values_list("lexeme", flat=True))


@postgres_only
def test_publishing_writes_the_pages_words_and_an_edit_replaces_them(essay_index):
    page = essay(essay_index, "Dementia care", "Respite beds are closing.")
    assert {"dementia", "care", "respit", "bed", "close"} <= words_of(page)
    page.title = "Hospital discharge"
    page.save_revision().publish()
    assert "discharg" in words_of(page)
    assert "dementia" not in words_of(page)


@postgres_only
def test_the_words_go_with_the_entry_however_it_is_deleted(essay_index):
    page = essay(essay_index, "Dementia care", "Respite beds are closing.")
    other = essay(essay_index, "Policing", "Stop and search.")
    page.delete()
    assert words_of(page) == set()
    IndexEntry.objects.filter(object_id=str(other.pk))._raw_delete(using="default")
    assert words_of(other) == set()


@postgres_only
def test_refresh_all_restores_the_word_list_from_the_index(client, essay_index):
    page = essay(essay_index, "Dementia care", "Respite beds are closing.")
    before = set(IndexTerm.objects.values_list("entry_id", "lexeme", "score"))
    IndexTerm.objects.all().delete()
    assert titles(client.get(SEARCH, {"q": "respite"})) == []
    terms.refresh_all()
    assert set(IndexTerm.objects.values_list("entry_id", "lexeme", "score")) == before
    assert titles(client.get(SEARCH, {"q": "respite"})) == [page.title]


@postgres_only
def test_a_search_reads_the_word_list_not_the_whole_index(client, essay_index):
    essay(essay_index, "Dementia care", "Respite beds are closing.")
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        client.get(SEARCH, {"q": "respite beds"})
    ranked = [query["sql"] for query in captured if IndexTerm._meta.db_table in query["sql"]]
    assert ranked, "the page search ranks from the word list"
    assert not any("ts_rank" in query["sql"] and "body" in query["sql"] for query in captured)
