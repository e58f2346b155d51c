"""Grouping under sector headings, in the editors' sector order: bloggers in the
directory, excerpts on a roundup. One shape, so every sectioned page reads the same."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from people.models.snippets import Sector


@dataclass
class SectorGroup:
    """One sector heading and what sits under it; `sector` is None for the rest."""

    sector: Sector | None
    anchor: str
    heading: str
    items: list = field(default_factory=list)


def group_by_sector(
    items: Iterable,
    sectors_of: Callable[[object], Iterable[Sector]],
    *,
    anchor: Callable[[Sector], str],
    other_anchor: str,
    other_heading: str,
) -> list[SectorGroup]:
    """`items` under each of their sectors (an item may sit under several) in the editors'
    order, keeping the items' own order within each, then the items with no sector.
    Sectors with nothing under them do not appear."""
    groups: dict[int, SectorGroup] = {}
    others = SectorGroup(None, other_anchor, other_heading)
    for item in items:
        sectors = [sector for sector in sectors_of(item) if sector is not None]
        for sector in sectors:
            group = groups.setdefault(sector.pk, SectorGroup(sector, anchor(sector), sector.name))
            group.items.append(item)
        if not sectors:
            others.items.append(item)
    ordered = sorted(groups.values(), key=lambda g: (g.sector.sort_order, g.sector.name))
    return [*ordered, others] if others.items else ordered
