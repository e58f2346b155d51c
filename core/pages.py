"""Page mixins and page-tree helpers that several content apps share."""

from collections.abc import Iterable

from django.db import models

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page


class ListingFieldsMixin(models.Model):
    """The picture and summary a page shows on cards, the home page and in feeds."""

    listing_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Shown on cards in lists and on the home page.",
    )
    listing_summary = models.TextField(
        blank=True,
        max_length=300,
        verbose_name="summary",
        help_text="One or two sentences for cards, the home page and feeds.",
    )

    listing_panels = [
        MultiFieldPanel(
            [FieldPanel("listing_image"), FieldPanel("listing_summary")], heading="Listings"
        ),
    ]

    class Meta:
        abstract = True


def parent_paths(pages: Iterable[Page]) -> dict[str, list[Page]]:
    """The pages grouped by their parent's tree path, to fetch many pages' parents in one
    query (`PageQuerySet.parent_of()` does it for one page)."""
    grouped: dict[str, list[Page]] = {}
    for page in pages:
        if page.path:
            grouped.setdefault(page.path[: -Page.steplen], []).append(page)
    return grouped
