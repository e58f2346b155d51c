from roundups.models.pages import (
    RoundupIndexPage,
    RoundupPage,
    RoundupQuerySet,
    SuggestionPage,
    derived_slug,
    derived_title,
    excerpts_of,
    latest_roundup,
    ordinal,
)
from roundups.models.suggestions import ReaderSuggestion

__all__ = [
    "ReaderSuggestion",
    "RoundupIndexPage",
    "RoundupPage",
    "RoundupQuerySet",
    "SuggestionPage",
    "derived_slug",
    "derived_title",
    "excerpts_of",
    "latest_roundup",
    "ordinal",
]
