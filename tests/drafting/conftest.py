"""Fixtures for open drafting: an essay open for comment, with paragraphs to comment on."""

import datetime

import pytest

from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from essays.factories import EssayIndexPageFactory, EssayPageFactory
from tests.drafting.helpers import PARAGRAPHS, body


@pytest.fixture(autouse=True)
def clear_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def client():
    """A reader's browser on the site: it says its posts come from the site's own pages
    (`Sec-Fetch-Site`, which the comment form is checked by instead of a CSRF token)."""
    return Client(HTTP_SEC_FETCH_SITE="same-origin")


@pytest.fixture
def essay_index(home_page):
    return EssayIndexPageFactory(parent=home_page)


@pytest.fixture
def open_essay(essay_index):
    """A live essay, open for comment for another fortnight, with a question."""
    essay = EssayPageFactory(
        parent=essay_index,
        title="Drafting with the frontline",
        slug="drafting-with-the-frontline",
        body=body(*PARAGRAPHS),
        comments_open_until=timezone.now() + datetime.timedelta(days=14),
        comments_question="What would you change?",
    )
    essay.save_revision().publish()
    essay.refresh_from_db()
    return essay
