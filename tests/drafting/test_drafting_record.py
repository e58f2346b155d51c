"""“You said, we did”: every published comment by paragraph, its answer and what changed."""

import datetime
import xml.etree.ElementTree as ET  # noqa: S405 - parses the site's own feed

import pytest

from django.utils import timezone

from drafting.diff import Piece, word_diff
from drafting.factories import CommentFactory
from drafting.models import Comment
from essays.factories import EssayPageFactory, SeriesPageFactory
from tests.drafting.helpers import PARAGRAPHS, edit_paragraphs

HOSTILE = '"><script>alert("x")</script>'
CHANGED = "Social workers know which forms are filled in three times and which are never read."


def test_word_diff_marks_words_added_and_taken_out():
    pieces = word_diff("filled in twice and", "filled in three times and")
    assert Piece("deleted", "twice") in pieces
    assert Piece("inserted", "three times") in pieces
    assert "".join(p.text for p in pieces if p.kind != "deleted") == "filled in three times and"


@pytest.fixture
def answered(open_essay):
    """One adopted comment with the revision that changed its sentence, one not adopted."""
    first, second, third = open_essay.drafting_paragraphs
    adopted = CommentFactory(page=open_essay, paragraph=second, text="It is three times.")
    refused = CommentFactory(page=open_essay, paragraph=third, text="Cut this paragraph.")
    CommentFactory(page=open_essay, paragraph=first, state=Comment.State.NEW, text="Unseen")
    CommentFactory(page=open_essay, text="On the whole essay.")
    essay = edit_paragraphs(open_essay, {PARAGRAPHS[1]: CHANGED})
    adopted.outcome = Comment.Outcome.ADOPTED
    adopted.reason = "<p>We <b>corrected</b> the count.</p>"
    adopted.change_revision = essay.live_revision
    adopted.answered_at = timezone.now()
    adopted.save()
    refused.outcome = Comment.Outcome.NOT_ADOPTED
    refused.reason = "<p>The paragraph carries the argument.</p>"
    refused.answered_at = timezone.now()
    refused.save()
    return essay, adopted, refused


def record_url(page) -> str:
    return page.url + "you-said-we-did/"


@pytest.mark.django_db
def test_record_lists_comments_by_paragraph_with_counts_and_answers(client, answered):
    essay, adopted, refused = answered
    response = client.get(record_url(essay))
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>You said, we did</h1>" in html
    assert "<dt>Comments</dt><dd>3</dd>" in html
    assert "<dt>Answered</dt><dd>2</dd>" in html
    assert "<dt>Adopted</dt><dd>1</dd>" in html
    assert "Unseen" not in html
    assert "On the whole essay." in html
    assert html.index("It is three times.") < html.index("Cut this paragraph.")
    assert "Our answer: <strong>Not adopted</strong>" in html
    assert "The paragraph carries the argument." in html
    assert "We <b>corrected</b> the count." in html


@pytest.mark.django_db
def test_adopted_answer_shows_the_change_in_words_not_only_colour(client, answered):
    essay, adopted, _ = answered
    html = client.get(record_url(essay)).content.decode()
    assert (
        '<del><span class="visually-hidden">[removed: </span>twice'
        '<span class="visually-hidden">]</span></del>' in html
    )
    assert (
        '<ins><span class="visually-hidden">[added: </span>three times'
        '<span class="visually-hidden">]</span></ins>' in html
    )
    revision_day = timezone.localtime(essay.live_revision.created_at)
    assert "in the revision of <time datetime=" in html
    assert f"{revision_day.day} {revision_day:%B %Y}" in html


@pytest.mark.django_db
def test_answers_appear_beside_the_paragraph_on_the_essay(client, answered):
    essay, adopted, _ = answered
    html = client.get(essay.url).content.decode()
    second = essay.drafting_paragraphs[1]
    assert second.text == CHANGED
    assert f'<a class="commentable__count" href="#comments-{second.key}"' in html
    assert "1 comment<span" in html
    assert "Our answer: <strong>Adopted</strong>" in html


@pytest.mark.django_db
def test_series_record_gathers_every_part(client, essay_index):
    series = SeriesPageFactory(
        parent=essay_index, comments_open_until=timezone.now() + datetime.timedelta(days=2)
    )
    parts = [EssayPageFactory(parent=series, title=f"Reason {n}") for n in (1, 2)]
    for part in parts:
        CommentFactory(page=part, text=f"On {part.title}")
    html = client.get(record_url(series)).content.decode()
    assert "On Reason 1" in html and "On Reason 2" in html
    assert "<dt>Comments</dt><dd>2</dd>" in html


@pytest.mark.django_db
def test_feed_of_answers_lists_answered_comments(client, answered):
    essay, adopted, refused = answered
    response = client.get(record_url(essay) + "feed/")
    assert response.status_code == 200
    channel = ET.fromstring(  # noqa: S314
        response.content
    ).find("channel")
    titles = [item.findtext("title") for item in channel.findall("item")]
    assert len(titles) == 2
    assert any(title.startswith("Adopted: ") for title in titles)
    links = [item.findtext("link") for item in channel.findall("item")]
    assert f"http://localhost/essays/{essay.slug}/you-said-we-did/#comment-{adopted.pk}" in links


@pytest.mark.django_db
def test_record_is_in_the_sitemap(client, answered):
    essay, _, _ = answered
    xml = client.get("/sitemap.xml").content.decode()
    assert f"http://localhost/essays/{essay.slug}/you-said-we-did/" in xml


@pytest.mark.django_db
def test_hostile_comment_is_escaped_everywhere_it_appears(client, open_essay):
    paragraph = open_essay.drafting_paragraphs[0]
    comment = CommentFactory(
        page=open_essay,
        paragraph=paragraph,
        author_name=HOSTILE,
        role=HOSTILE,
        text=HOSTILE,
        outcome=Comment.Outcome.NOTED,
        reason='<p>Noted.</p><script>alert("answer")</script>',
        answered_at=timezone.now(),
    )
    for url in (open_essay.url, record_url(open_essay)):
        html = client.get(url).content.decode()
        assert "<script>alert" not in html, url
        assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html, url
    feed = client.get(record_url(open_essay) + "feed/")
    item = ET.fromstring(  # noqa: S314
        feed.content
    ).find("channel/item")
    assert HOSTILE in item.findtext("title")  # XML text: a feed reader shows it as words
    description = item.findtext("description")
    assert "<script>" not in description and "&lt;script&gt;" in description
    assert comment.pk
