"""Purging the cached pages that show readers' comments.

An essay open for comment is shareable (Varnish, a CDN and the page cache keep it), so a
comment that is published, answered, taken down or deleted purges the page, its "You said,
we did" record and answers feed, and those of the series whose record includes it. A
comment readers send or confirm is not shown until an editor publishes it: nothing to
purge, however many arrive while the essay is being passed around.
"""

from collections.abc import Iterable

from wagtail.models import Page

from core.purging import PurgeSet, purge_later
from drafting.pages import DraftingMixin


def comment_page_urls(page_ids: Iterable[int]) -> set[str]:
    """The addresses of these pages and of the drafting pages above them (a series)."""
    purge = PurgeSet()
    for page in Page.objects.filter(pk__in=set(page_ids)).live().specific():
        parent = page.drafting_parent() if isinstance(page, DraftingMixin) else None
        purge.add_shown([page, parent] if parent is not None else [page])
    return purge.urls


def purge_comment_pages(page_ids: Iterable[int]) -> None:
    purge_later(comment_page_urls(page_ids))
