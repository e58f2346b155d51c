"""Which essays, in what order, fetched how: the rules lists, feeds and search share."""

from collections.abc import Iterable
from datetime import datetime

from django.db import models
from django.db.models.functions import Coalesce

from wagtail.models import PageManager, PageQuerySet, Revision


class EssayPageQuerySet(PageQuerySet):
    def newest_first(self) -> "EssayPageQuerySet":
        """Order by the date readers see: the stated first-published date, else go-live."""
        return self.annotate(shown_date=Coalesce("published_at", "first_published_at")).order_by(
            models.F("shown_date").desc(nulls_last=True), "-pk"
        )

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
