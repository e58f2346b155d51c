"""Series numbering: a part's number is its position among the series' children.

The series and essay models fetch the parts in bulk and hand them here; these functions
only count, so a series of fifty parts costs the same number of queries as one of three.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.utils import timezone


@dataclass(frozen=True)
class SeriesPlace:
    """Where a part sits: its series, its number, and how many parts the series plans."""

    series: Any
    number: int
    total: int


@dataclass(frozen=True)
class PartLink:
    number: int
    page: Any


@dataclass(frozen=True)
class PartNavigation:
    series: Any
    number: int
    total: int
    previous: PartLink | None
    next: PartLink | None


@dataclass(frozen=True)
class SeriesSlot:
    """One planned part on the series page: live, scheduled, or not yet written."""

    number: int
    page: Any = None
    live: bool = False
    scheduled_for: datetime | None = None

    @property
    def delayed(self) -> bool:
        """Scheduled for a time that has passed without it going live: the page says
        "delayed" rather than promise a date that is gone."""
        return bool(self.scheduled_for) and self.scheduled_for <= timezone.now()

    @property
    def status(self) -> str:
        if self.live:
            return "live"
        if self.delayed:
            return "delayed"
        if self.scheduled_for:
            return "scheduled"
        return "planned"


def series_total(planned_parts: int, existing: int) -> int:
    """How many parts the series shows: what it plans, or more if more were written."""
    return max(planned_parts, existing)


def navigation(series, siblings: Sequence, essay) -> PartNavigation | None:
    """The essay's number among `siblings` (the series' parts in order), with the nearest
    live parts either side."""
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
        total=series_total(series.planned_parts, len(siblings)),
        previous=previous,
        next=following,
    )


def slots(planned_parts: int, parts: Sequence, scheduled: dict) -> list[SeriesSlot]:
    """Every planned part in order: the parts that exist, then numbered gaps."""
    made = [
        SeriesSlot(
            number=number,
            page=part,
            live=part.live,
            scheduled_for=None if part.live else scheduled.get(part.pk),
        )
        for number, part in enumerate(parts, start=1)
    ]
    gaps = range(len(parts) + 1, series_total(planned_parts, len(parts)) + 1)
    return made + [SeriesSlot(number=number) for number in gaps]
