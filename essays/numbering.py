"""Series numbering: a part's number is its position among the series' children.

Everything here fetches in bulk, so a series of fifty parts costs the same
number of queries as a series of three.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Q

from wagtail.models import Page

from essays.models import EssayPage, SeriesPage, scheduled_dates


@dataclass(frozen=True)
class SeriesPlace:
    """Where a part sits: its series, its number, and how many parts the series plans."""

    series: SeriesPage
    number: int
    total: int


@dataclass(frozen=True)
class PartLink:
    number: int
    page: EssayPage


@dataclass(frozen=True)
class PartNavigation:
    series: SeriesPage
    number: int
    total: int
    previous: PartLink | None
    next: PartLink | None


@dataclass(frozen=True)
class SeriesSlot:
    """One planned part on the series page: live, scheduled, or not yet written."""

    number: int
    page: EssayPage | None = None
    live: bool = False
    scheduled_for: datetime | None = None

    @property
    def status(self) -> str:
        if self.live:
            return "live"
        if self.scheduled_for:
            return "scheduled"
        return "planned"


def _parent_path(page: Page) -> str:
    return page.path[: -Page.steplen]


def _series_total(series: SeriesPage, existing: int) -> int:
    return max(series.planned_parts, existing)


def label_parts(essays: Iterable[EssayPage]) -> None:
    """Give each essay that is a series part its `series_place`, in two queries for all."""
    essays = [essay for essay in essays if essay.path]
    parent_paths = {_parent_path(essay) for essay in essays}
    if not parent_paths:
        return
    series_by_path = {s.path: s for s in SeriesPage.objects.filter(path__in=parent_paths)}
    if not series_by_path:
        return
    children = Q()
    for series in series_by_path.values():
        children |= Q(path__startswith=series.path, depth=series.depth + 1)
    siblings: dict[str, list[int]] = {path: [] for path in series_by_path}
    for pk, child_path in (
        EssayPage.objects.filter(children).order_by("path").values_list("pk", "path")
    ):
        siblings[child_path[: -Page.steplen]].append(pk)
    for essay in essays:
        series = series_by_path.get(_parent_path(essay))
        if series is None:
            continue
        numbers = siblings[series.path]
        essay.series_place = SeriesPlace(
            series=series,
            number=numbers.index(essay.pk) + 1,
            total=_series_total(series, len(numbers)),
        )


def part_navigation(essay: EssayPage) -> PartNavigation | None:
    """The essay's place in its series with links to the nearest live parts either side.

    A new part being previewed before its first save counts as the series' last part,
    which is where it will go.
    """
    if not essay.path:
        return None
    series = SeriesPage.objects.filter(path=_parent_path(essay)).first()
    if series is None:
        return None
    siblings = list(EssayPage.objects.child_of(series).order_by("path").defer_streamfields())
    if essay.pk is None:
        siblings.append(essay)
    position = next((i for i, sibling in enumerate(siblings) if sibling.pk == essay.pk), None)
    if position is None:
        return None
    previous = next(
        (PartLink(i + 1, siblings[i]) for i in range(position - 1, -1, -1) if siblings[i].live),
        None,
    )
    following = next(
        (
            PartLink(i + 1, siblings[i])
            for i in range(position + 1, len(siblings))
            if siblings[i].live
        ),
        None,
    )
    return PartNavigation(
        series=series,
        number=position + 1,
        total=_series_total(series, len(siblings)),
        previous=previous,
        next=following,
    )


def series_slots(series: SeriesPage) -> list[SeriesSlot]:
    """Every planned part in order: the parts that exist, then numbered gaps."""
    parts = list(EssayPage.objects.child_of(series).order_by("path").for_listing())
    scheduled = scheduled_dates(part.pk for part in parts if not part.live)
    slots = [
        SeriesSlot(
            number=number,
            page=part,
            live=part.live,
            scheduled_for=None if part.live else scheduled.get(part.pk),
        )
        for number, part in enumerate(parts, start=1)
    ]
    slots += [
        SeriesSlot(number=number)
        for number in range(len(parts) + 1, _series_total(series, len(parts)) + 1)
    ]
    return slots
