"""The index behind "everything from this blogger": content apps fill it on publish.

A page that quotes bloggers calls `replace_featured(page, rows)` with its current
excerpts when it is published and `clear_featured(page)` when it stops being
live (unpublished, deleted, moved to the bin). Profiles then read one table.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce

from wagtail.models import Page

from people.models import Blogger, FeaturedExcerpt


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
    rows = list(rows)
    with transaction.atomic():
        before = set(
            FeaturedExcerpt.objects.filter(page_id=page.pk).values_list("blogger_id", flat=True)
        )
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
        refresh_featured_counts(before | {row.blogger_id for row in rows})


def clear_featured(page) -> None:
    """Forget everything `page` featured."""
    with transaction.atomic():
        featured = FeaturedExcerpt.objects.filter(page_id=page.pk)
        bloggers = set(featured.values_list("blogger_id", flat=True))
        featured.delete()
        refresh_featured_counts(bloggers)


def refresh_featured_counts(blogger_ids: Iterable[int] | None = None) -> None:
    """Store how many excerpts each of these bloggers (all when None) has on live pages
    and public (a draft, or a page behind a password or a login, does not count),
    in one UPDATE."""
    bloggers = Blogger.objects.all()
    if blogger_ids is not None:
        blogger_ids = set(blogger_ids)
        if not blogger_ids:
            return
        bloggers = bloggers.filter(pk__in=blogger_ids)
    counts = (
        FeaturedExcerpt.objects.filter(
            blogger=OuterRef("pk"), page__in=Page.objects.live().public().values("pk")
        )
        .order_by()
        .values("blogger")
        .annotate(count=Count("pk"))
        .values("count")
    )
    bloggers.update(featured_count=Coalesce(Subquery(counts), 0))
