from essays.models.pages import (
    ESSAYS_PER_PAGE,
    FEED_LENGTH,
    EssayIndexPage,
    EssayPage,
    EssayPageTag,
    SeriesPage,
)
from essays.models.queries import EssayPageManager, EssayPageQuerySet, scheduled_dates
from essays.models.snippets import Author

__all__ = [
    "ESSAYS_PER_PAGE",
    "FEED_LENGTH",
    "Author",
    "EssayIndexPage",
    "EssayPage",
    "EssayPageManager",
    "EssayPageQuerySet",
    "EssayPageTag",
    "SeriesPage",
    "scheduled_dates",
]
