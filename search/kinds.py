"""The kinds of result the search app adds itself, and look-ups over every kind.

The content apps describe their own results (`<app>/search_results.py`, built on
`core.results`); this module adds "other pages" for page types without a kind.
"""

from django.db.models import Q

from core.results import (
    Kind,
    PageKind,
    Result,
    ResultMatch,
    SnippetKind,
    all_kinds,
    page_kinds,
    register,
    snippet_kinds,
)

__all__ = [
    "Kind",
    "PageKind",
    "Result",
    "ResultMatch",
    "SnippetKind",
    "all_kinds",
    "kind_for_key",
    "kind_for_object",
    "page_kinds",
    "register",
    "snippet_kinds",
]


class OtherPageKind(PageKind):
    """Any page whose type has no kind of its own (home, index and directory pages)."""

    key = "page"
    label = "Page"
    plural = "Other pages"
    model_label = "wagtailcore.Page"
    order = 90

    def type_q(self) -> Q:
        known = [cid for kind in page_kinds() if kind is not self for cid in kind.content_type_ids]
        return ~Q(content_type__in=known)


def kind_for_key(key: str) -> Kind | None:
    return next((kind for kind in all_kinds() if kind.key == key), None)


def kind_for_object(obj) -> Kind:
    """The most specific kind for `obj` (its own page type before "other pages")."""
    for kind in all_kinds():
        if kind is not OTHER_PAGES and isinstance(obj, kind.model):
            return kind
    return OTHER_PAGES


OTHER_PAGES = register(OtherPageKind())
