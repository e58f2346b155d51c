"""The index behind "everything from this blogger": content apps fill it on publish.

A page that quotes bloggers calls `replace_featured(page, rows)` with its current
excerpts when it is published and `clear_featured(page)` when it stops being
live (unpublished, deleted, moved to the bin). Profiles then read one table.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.db import transaction

from people.models import FeaturedExcerpt


@dataclass(frozen=True)
class FeaturedRow:
    blogger_id: int
    page_date: date
    sector_id: int | None = None
    anchor: str = ""
    post_title: str = ""
    post_url: str = ""
    posted_on: date | None = None


def replace_featured(page, rows: Iterable[FeaturedRow]) -> None:
    """Make the index hold exactly `rows` for `page`."""
    with transaction.atomic():
        FeaturedExcerpt.objects.filter(page_id=page.pk).delete()
        FeaturedExcerpt.objects.bulk_create(
            FeaturedExcerpt(
                page_id=page.pk,
                position=position,
                blogger_id=row.blogger_id,
                sector_id=row.sector_id,
                anchor=row.anchor,
                post_title=row.post_title[:255],
                post_url=row.post_url,
                posted_on=row.posted_on,
                page_date=row.page_date,
            )
            for position, row in enumerate(rows)
        )


def clear_featured(page) -> None:
    """Forget everything `page` featured."""
    FeaturedExcerpt.objects.filter(page_id=page.pk).delete()
