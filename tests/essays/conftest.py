"""Fixtures for essays: an essay index under the home page and series with parts."""

import pytest

from essays.factories import EssayIndexPageFactory, EssayPageFactory, SeriesPageFactory


@pytest.fixture
def essay_index(home_page):
    return EssayIndexPageFactory(parent=home_page)


@pytest.fixture
def make_series(essay_index):
    """Build a series under the index with parts; `live` lists which part numbers are live."""

    def make(title="Ten reasons", planned=10, parts=3, live=None):
        series = SeriesPageFactory(parent=essay_index, title=title, planned_parts=planned)
        live_numbers = set(range(1, parts + 1)) if live is None else set(live)
        made = []
        for number in range(1, parts + 1):
            part = EssayPageFactory(
                parent=series,
                title=f"Reason {number}",
                slug=f"reason-{number}",
                live=number in live_numbers,
            )
            made.append(part)
        return series, made

    return make
