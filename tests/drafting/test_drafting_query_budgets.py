"""An essay with 500 comments costs the same queries as one with five, and so does its record."""

import datetime

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from drafting.models import Comment
from essays.factories import EssayPageFactory


def essay_with_comments(parent, slug: str, paragraphs: int, comments: int):
    essay = EssayPageFactory(
        parent=parent,
        slug=slug,
        body=[("paragraph", f"<p>Paragraph {n} of the argument.</p>") for n in range(paragraphs)],
        comments_open_until=timezone.now() + datetime.timedelta(days=7),
        comments_question="What would you change?",
    )
    revision = essay.save_revision()
    revision.publish()
    anchors = essay.drafting_paragraphs
    outcomes = [choice for choice, _ in Comment.Outcome.choices] + [""]
    Comment.objects.bulk_create(
        Comment(
            page=essay,
            paragraph_key=anchors[n % len(anchors)].key if n % 10 else "",
            paragraph_text=anchors[n % len(anchors)].text if n % 10 else "",
            revision=revision,
            author_name=f"Reader {n}",
            email=f"reader{n}@example.org",
            role="Nurse",
            text=f"Comment number {n}.",
            consent_to_publish=True,
            state=Comment.State.PUBLISHED,
            outcome=outcomes[n % len(outcomes)],
            reason="<p>Answered.</p>" if outcomes[n % len(outcomes)] else "",
            change_revision=revision if outcomes[n % len(outcomes)] in Comment.CHANGED else None,
            answered_at=timezone.now() if outcomes[n % len(outcomes)] else None,
        )
        for n in range(comments)
    )
    return essay


def queries_for(client, url: str) -> tuple[int, str]:
    client.get(url)  # warm per-process caches (site root paths, content types)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured), response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("suffix", ["", "you-said-we-did/", "you-said-we-did/feed/"])
def test_five_hundred_comments_cost_the_same_queries_as_five(client, essay_index, suffix):
    few = essay_with_comments(essay_index, "few", paragraphs=40, comments=5)
    many = essay_with_comments(essay_index, "many", paragraphs=40, comments=500)
    few_count, _ = queries_for(client, few.url + suffix)
    many_count, html = queries_for(client, many.url + suffix)
    assert "Comment number 499." in html or suffix.endswith("feed/")
    assert few_count == many_count
    assert many_count <= 25
