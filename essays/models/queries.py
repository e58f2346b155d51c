"""Which essays, in what order, fetched how: the rules lists, feeds and search share."""

from collections.abc import Iterable
from datetime import datetime

from wagtail.models import PageManager, PageQuerySet, Revision


class EssayPageQuerySet(PageQuerySet):
    def newest_first(self) -> "EssayPageQuerySet":
        """Order by the date readers see: the stated first-published date, else go-live
        (`sort_date`, kept on save, which the index `essay_newest_first_idx` serves)."""
        # Every live essay has a date; drafts without one sort wherever the database puts
        # NULLs, which lets PostgreSQL read the index backwards.
        return self.order_by("-sort_date", "-pk")

    def for_listing(self) -> "EssayPageQuerySet":
        """What a card or feed entry prints, fetched with the essays, not per card."""
        return (
            self.defer_streamfields()
            .select_related("author", "listing_image")
            .prefetch_related("listing_image__renditions")
        )


EssayPageManager = PageManager.from_queryset(EssayPageQuerySet)


def scheduled_dates(page_ids: Iterable[int]) -> dict[int, datetime]:
    """When each of these pages is scheduled to go live, from their approved revisions."""
    rows = Revision.page_revisions.filter(
        object_id__in=[str(pk) for pk in page_ids], approved_go_live_at__isnull=False
    ).values_list("object_id", "approved_go_live_at")
    return {int(object_id): when for object_id, when in rows}
