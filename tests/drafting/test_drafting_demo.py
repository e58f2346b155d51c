"""The demo's open drafting: part 9 open for comment, answered as the issue describes."""

import io

import pytest

from django.core.management import call_command

from drafting.models import Comment
from essays.models import EssayPage


@pytest.fixture
def part_9(db):
    call_command("load_demo_content", password="demo-pass", stdout=io.StringIO())
    return EssayPage.objects.get(slug="its-the-future")


@pytest.mark.django_db
def test_part_nine_is_open_with_frontline_comments_two_answered(client, part_9):
    assert part_9.is_open_for_comment()
    comments = Comment.objects.filter(page=part_9)
    assert {c.role for c in comments} >= {"social worker", "head teacher", "district nurse"}
    adopted = comments.get(outcome=Comment.Outcome.ADOPTED)
    refused = comments.get(outcome=Comment.Outcome.NOT_ADOPTED)
    assert comments.answered().count() == 2
    assert adopted.change_revision == part_9.live_revision
    assert "unpaid carers" in adopted.change_revision.as_object().body.render_as_block()
    assert "unpaid carers" not in adopted.paragraph_text
    assert "talent show" in refused.reason

    html = client.get(part_9.url).content.decode()
    assert "Open for comment until" in html and "Who else should shape policy" in html
    assert "3 comments" not in html  # comments sit on three different paragraphs
    assert html.count('class="commentable__count"') == 3
    record = client.get(part_9.url + "you-said-we-did/").content.decode()
    assert '<ins><span class="visually-hidden">[added: </span>' in record
    assert "unpaid carers" in record and "We kept the sentence." in record
    assert "I&#x27;d like to be asked" not in record  # still awaiting moderation
