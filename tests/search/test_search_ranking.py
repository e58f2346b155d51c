"""How results are ordered and matched, and the documents table they rank from."""

import re

import pytest

from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.search.models import IndexEntry

from essays.factories import EssayIndexPageFactory, EssayPageFactory
from search.models import SearchDocument
from tests.search.test_search_page import titles

SEARCH = "/search/"


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


def test_rebuilding_the_documents_restores_what_search_finds(client, essay_index, make_blogger):
    essay(essay_index, "Rebuilt", "Safeguarding matters.")
    make_blogger("Safeguarding Lead")
    SearchDocument.objects.all().delete()
    assert titles(client.get(SEARCH, {"q": "safeguarding"})) == []
    call_command("rebuild_search_documents", verbosity=0)
    assert sorted(titles(client.get(SEARCH, {"q": "safeguarding"}))) == [
        "Rebuilt",
        "Safeguarding Lead",
    ]


# The documents table -----------------------------------------------------------


def document_of(obj, pk=None) -> SearchDocument | None:
    content_type = ContentType.objects.get_for_model(obj)
    return SearchDocument.objects.filter(content_type=content_type, object_id=pk or obj.pk).first()


def test_publishing_writes_the_pages_document_and_an_edit_replaces_it(essay_index):
    page = essay(essay_index, "Dementia care", "Respite beds are closing.")
    assert document_of(page).title == "Dementia care"
    assert "Respite beds are closing." in document_of(page).body
    page.title = "Hospital discharge"
    page.save_revision()
    assert document_of(page).title == "Dementia care"  # a draft changes nothing
    page.save_revision().publish()
    assert document_of(page).title == "Hospital discharge"


def test_unpublishing_or_deleting_a_page_removes_its_document(essay_index):
    page = essay(essay_index, "Dementia care", "Respite beds are closing.")
    other = essay(essay_index, "Policing", "Stop and search.")
    page.unpublish()
    assert document_of(page) is None
    pk = other.pk
    other.delete()
    assert document_of(other, pk) is None


def test_a_profile_is_written_when_saved_and_removed_when_deleted(make_blogger):
    blogger = make_blogger("Dr Grumble", role="A hospital doctor")
    assert document_of(blogger).title == "Dr Grumble"
    blogger.role = "A retired doctor"
    blogger.save()
    assert "retired" in document_of(blogger).body
    pk = blogger.pk
    blogger.delete()
    assert document_of(blogger, pk) is None


def test_a_search_reads_the_documents_table_not_wagtails_index(client, essay_index):
    essay(essay_index, "Dementia care", "Respite beds are closing.")
    with CaptureQueriesContext(connection) as captured:
        assert titles(client.get(SEARCH, {"q": "respite beds"})) == ["Dementia care"]
    sql = [query["sql"] for query in captured]
    assert any(SearchDocument._meta.db_table in query for query in sql)
    assert not any(IndexEntry._meta.db_table in query for query in sql)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's vectors only")
def test_on_postgresql_documents_match_through_their_weighted_vector(essay_index):
    page = essay(essay_index, "Dementia care", "Respite beds are closing.")
    vector = SearchDocument.objects.values_list("search_vector", flat=True).get(object_id=page.pk)
    assert "'dementia':1A" in vector  # a title word, weighted A
    assert re.search(r"'respit':\d+B", vector)  # a body word, stemmed and weighted B
