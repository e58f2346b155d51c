"""Paragraph anchors: comments stay with their paragraph when the essay is edited."""

import pytest

from drafting.anchors import Locator, Paragraph, paragraphs_of, split_rich_text
from drafting.factories import CommentFactory
from tests.drafting.helpers import PARAGRAPHS, revise


def paragraph(key, text, number=1):
    return Paragraph(key=key, number=number, block_id=key.rsplit(".", 1)[0], html="", text=text)


def test_each_top_level_element_of_a_paragraph_block_is_a_paragraph():
    pieces = split_rich_text("<p>One  <b>bold</b></p><ul><li>a</li><li>b</li></ul><p></p>")
    assert [text for _, text in pieces] == ["One bold", "a b"]


def test_unchanged_paragraph_keeps_its_place():
    locator = Locator([paragraph("a.0", "First"), paragraph("b.0", "Second")])
    assert locator.locate("b.0", "Second").key == "b.0"


def test_paragraph_moved_to_another_block_takes_its_comments_along():
    locator = Locator([paragraph("c.0", "Second"), paragraph("a.0", "Quite different now")])
    assert locator.locate("b.0", "Second").key == "c.0"


def test_paragraph_shifted_inside_its_block_is_found_by_its_text():
    locator = Locator([paragraph("a.0", "A new opening"), paragraph("a.1", "The original")])
    assert locator.locate("a.0", "The original").key == "a.1"


def test_paragraph_edited_in_place_keeps_its_comments():
    before = "Social workers know which forms are filled in twice and which are never read."
    after = "Social workers know which forms are filled in twice, and which nobody reads."
    locator = Locator([paragraph("a.0", after)])
    assert locator.locate("a.0", before).key == "a.0"


def test_paragraph_rewritten_beyond_recognition_counts_as_removed():
    locator = Locator([paragraph("a.0", "Entirely new words about budgets and buildings.")])
    assert locator.locate("a.0", "Social workers know which forms are filled in twice.") is None


def test_paragraph_whose_block_is_gone_counts_as_removed():
    locator = Locator([paragraph("a.0", "First")])
    assert locator.locate("z.0", "Gone for good") is None


@pytest.mark.django_db
def test_essay_edits_keep_comments_beside_their_paragraphs(client, open_essay):
    first, second, third = paragraphs_of(open_essay.body)
    on_first = CommentFactory(page=open_essay, paragraph=first, text="About the distance.")
    on_second = CommentFactory(page=open_essay, paragraph=second, text="About the forms.")
    on_third = CommentFactory(page=open_essay, paragraph=third, text="About the funding.")
    commented_revision = open_essay.live_revision

    # Move the third paragraph to the top, edit the second, delete the first.
    blocks = list(open_essay.body.raw_data)
    by_text = {PARAGRAPHS[i]: blocks[index] for i, index in ((0, 0), (1, 2), (2, 3))}
    moved = dict(by_text[PARAGRAPHS[2]])
    edited = dict(by_text[PARAGRAPHS[1]])
    edited["value"] = (
        "<p>Social workers know which forms are filled in twice and which nobody reads.</p>"
    )
    essay = revise(open_essay, [moved, blocks[1], edited])

    now_first, now_second = paragraphs_of(essay.body)
    assert now_first.key == third.key  # the block id travels with the paragraph
    html = client.get(essay.url).content.decode()

    placed = essay.drafting_context(None).comments
    paragraph_comments = {p.key: [c.pk for c in p.comments] for p in placed.paragraphs}
    assert paragraph_comments == {third.key: [on_third.pk], second.key: [on_second.pk]}
    assert [c.pk for removed in placed.removed for c in removed.comments] == [on_first.pk]
    assert placed.removed[0].revision == commented_revision
    assert placed.removed[0].text == PARAGRAPHS[0]

    # On the page: the counts sit beside the surviving paragraphs, the removed one is quoted.
    assert f'href="#comments-{third.key}"' in html
    assert f'href="#comments-{second.key}"' in html
    assert "On paragraphs since removed" in html
    assert PARAGRAPHS[0] in html
    assert "About the distance." in html
