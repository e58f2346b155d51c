"""The roundups' share of the home page: the latest roundup and its sectors."""

from dataclasses import dataclass

from people.models import Sector
from roundups.models import RoundupIndexPage, RoundupPage


@dataclass
class LatestRoundup:
    page: RoundupPage
    sectors: list[Sector]
    index: RoundupIndexPage | None


def latest_roundup() -> LatestRoundup | None:
    """The newest live roundup with its sectors, for the home page (three queries)."""
    page = RoundupPage.objects.published().newest_first().first()
    if page is None:
        return None
    sectors = Sector.objects.in_bulk(page.sector_ids)
    return LatestRoundup(
        page=page,
        sectors=[sectors[pk] for pk in page.sector_ids if pk in sectors],
        index=RoundupIndexPage.objects.live().public().first(),
    )
