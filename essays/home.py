"""The essays' share of the home page: the latest essays and the series in progress."""

from django.db.models import Q

from wagtail.models import Page

from core.pages import parent_paths
from essays.models import EssayPage, SeriesPage

LATEST_ESSAYS = 4


def current_series(home: Page) -> SeriesPage | None:
    """The live series whose newest live part is the newest of all, with its progress."""
    series_by_path = {s.path: s for s in SeriesPage.objects.live().public().descendant_of(home)}
    if not series_by_path:
        return None
    children = Q()
    for series in series_by_path.values():
        children |= Q(path__startswith=series.path, depth=series.depth + 1)
    parts = list(EssayPage.objects.filter(children).newest_first().only("path", "live"))
    newest = next((part for part in parts if part.live), None)
    if newest is None:
        return None
    chosen_path = next(iter(parent_paths([newest])))
    chosen = series_by_path[chosen_path]
    chosen_parts = parent_paths(parts)[chosen_path]
    chosen.live_parts = sum(part.live for part in chosen_parts)
    chosen.total_parts = max(chosen.planned_parts, len(chosen_parts))
    return chosen


def home_sections(home: Page) -> dict:
    """Context for the home page's essay sections, in a fixed number of queries."""
    latest = list(
        EssayPage.objects.live()
        .public()
        .descendant_of(home)
        .newest_first()
        .for_listing()[:LATEST_ESSAYS]
    )
    SeriesPage.label_parts(latest)
    return {"latest_essays": latest, "current_series": current_series(home)}
