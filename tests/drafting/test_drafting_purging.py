"""An essay open for comment is cached like any other page, so what changes the comments
readers see purges it (and its record and answers feed, and its series' ones), while what
readers send, unseen until an editor publishes it, purges nothing."""

import datetime

import pytest

from django.test import Client
from django.utils import timezone

from drafting.factories import CommentFactory
from drafting.models import Comment
from drafting.wagtail_hooks import PublishBulkAction, RejectBulkAction
from essays.factories import EssayPageFactory, SeriesPageFactory
from tests.drafting.helpers import PARAGRAPHS, body
from tests.drafting.test_drafting_commenting import comment_url, form_data

pytestmark = pytest.mark.django_db


def shown_on(*pages) -> set[str]:
    """Each page's address, its “You said, we did” record and the answers feed."""
    return {
        page.get_full_url() + path
        for page in pages
        for path in ("", "you-said-we-did/", "you-said-we-did/feed/")
    }


def test_a_readers_new_comment_purges_nothing(
    open_essay, purged, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        reply = Client(HTTP_SEC_FETCH_SITE="same-origin").post(
            comment_url(open_essay), form_data(open_essay)
        )
    assert reply.status_code == 302 and Comment.objects.count() == 1
    assert purged == set()


@pytest.mark.parametrize("action", [PublishBulkAction, RejectBulkAction])
def test_moderating_in_bulk_purges_only_when_what_readers_see_changes(
    open_essay, purged, django_capture_on_commit_callbacks, action
):
    waiting = CommentFactory(page=open_essay, state=Comment.State.NEW)
    with django_capture_on_commit_callbacks(execute=True):
        action.execute_action([Comment.objects.get(pk=waiting.pk)])
    # Published: now shown. Rejected before it was ever shown: nothing changed for readers.
    assert purged == (shown_on(open_essay) if action is PublishBulkAction else set())


def test_taking_a_published_comment_down_purges_its_pages(
    open_essay, purged, django_capture_on_commit_callbacks
):
    shown = CommentFactory(page=open_essay)
    with django_capture_on_commit_callbacks(execute=True):
        RejectBulkAction.execute_action([Comment.objects.get(pk=shown.pk)])
    assert purged == shown_on(open_essay)


def test_an_answer_saved_or_a_comment_deleted_purges_its_pages(
    open_essay, purged, django_capture_on_commit_callbacks
):
    comment = Comment.objects.get(pk=CommentFactory(page=open_essay).pk)
    purged.clear()
    comment.outcome = Comment.Outcome.NOTED
    comment.reason = "<p>We will ask for protected time.</p>"
    with django_capture_on_commit_callbacks(execute=True):
        comment.save()
    assert purged == shown_on(open_essay)
    purged.clear()
    with django_capture_on_commit_callbacks(execute=True):
        comment.delete()
    assert purged == shown_on(open_essay)


def test_a_series_parts_comment_purges_the_series_record_too(
    essay_index, purged, django_capture_on_commit_callbacks
):
    series = SeriesPageFactory(
        parent=essay_index,
        comments_open_until=timezone.now() + datetime.timedelta(days=7),
    )
    part = EssayPageFactory(parent=series, body=body(*PARAGRAPHS))
    with django_capture_on_commit_callbacks(execute=True):
        CommentFactory(page=part)
    assert purged == shown_on(part, series) | {series.get_full_url() + "feed/"}


def test_publishing_an_essay_open_for_comment_purges_its_record_too(
    open_essay, purged, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        open_essay.save_revision().publish()
    assert shown_on(open_essay) <= purged
