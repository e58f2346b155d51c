"""How essays and series appear in the site search's results."""

from datetime import date

from django.db.models import Q, prefetch_related_objects

from core.results import PageKind, as_date, register
from core.text import indexed_text
from essays.models import EssayPage, SeriesPage


class EssayKind(PageKind):
    key = "essay"
    label = "Essay"
    plural = "Essays"
    model = EssayPage
    date_field = "published_at"
    order = 10

    def date_of(self, obj) -> date | None:
        return as_date(obj.display_date)

    def year_q(self, year: int) -> Q:
        # The date readers see: the stated first-published date, else when it went live.
        pks = EssayPage.objects.filter(
            Q(published_at__year=year) | Q(published_at__isnull=True, first_published_at__year=year)
        )
        return Q(id__in=pks.values("pk"))

    def prepare(self, objs, request) -> None:
        """Authors, and the series each part belongs to, for every essay at once."""
        prefetch_related_objects(objs, "author")
        SeriesPage.label_parts(objs)

    def meta_of(self, obj) -> str:
        parts = []
        if obj.author_id and obj.author:
            parts.append(f"By {obj.author.name}")
        place = getattr(obj, "series_place", None)
        if place is not None:
            parts.append(f"Part of the series “{place.series.title}”")
        return " · ".join(parts)

    def texts_of(self, obj) -> list[str]:
        return [obj.standfirst, *indexed_text(obj)]


class SeriesKind(PageKind):
    key = "series"
    label = "Series"
    plural = "Series"
    model = SeriesPage
    order = 20

    def texts_of(self, obj) -> list[str]:
        return [obj.listing_summary, *indexed_text(obj)]


register(EssayKind())
register(SeriesKind())
