from roundups.models.pages import RoundupIndexPage, RoundupPage, SuggestionPage
from roundups.models.queries import RoundupManager, RoundupQuerySet
from roundups.models.settings import RoundupSettings
from roundups.models.suggestions import ReaderSuggestion

__all__ = [
    "ReaderSuggestion",
    "RoundupIndexPage",
    "RoundupManager",
    "RoundupPage",
    "RoundupQuerySet",
    "RoundupSettings",
    "SuggestionPage",
]
