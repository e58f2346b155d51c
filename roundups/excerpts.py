"""A roundup's excerpts as readers see them, read from its two streams in bulk, and
grouped under sector headings in the editors' sector order."""

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import prefetch_related_objects

from wagtail.models import Page

from people.sectors import SectorGroup, group_by_sector
from roundups.blocks import ExcerptStreamBlock, ExcerptValue, excerpt_anchor

EXCERPT_BLOCK = ExcerptStreamBlock().child_blocks["excerpt"]


@dataclass
class Excerpt:
    """One excerpt of a roundup as the reader sees it: its value and its place on the page."""

    roundup: Page
    block_id: str
    value: ExcerptValue
    previous_read: bool

    @property
    def anchor(self) -> str:
        return excerpt_anchor(self.block_id)


def excerpts_of(roundups) -> list[Excerpt]:
    """Every excerpt (this week's, then previous reads) of the given roundups, in page order,
    with all their bloggers, sectors and bloggers' sectors fetched in three queries however
    many excerpts and roundups there are."""
    block = EXCERPT_BLOCK
    raw = [
        (roundup, item, stream_name == "previous_reads")
        for roundup in roundups
        for stream_name in ("excerpts", "previous_reads")
        for item in getattr(roundup, stream_name).raw_data
        if item.get("type") == "excerpt"
    ]
    values = block.bulk_to_python([item["value"] for _, item, _ in raw])
    prefetch_related_objects([value["blogger"] for value in values if value["blogger"]], "sectors")
    return [
        Excerpt(roundup, item.get("id") or "", value, previous_read)
        for (roundup, item, previous_read), value in zip(raw, values, strict=True)
    ]


def by_sector(excerpts: Iterable) -> list[SectorGroup]:
    """Excerpts (or stream children) under their sectors in the sectors' editorial order,
    keeping the editor's order within each; sectors without excerpts do not appear."""
    return group_by_sector(
        excerpts,
        lambda item: [item.value.effective_sector],
        anchor=lambda sector: f"sector-{sector.slug}",
        other_anchor="sector-other",
        other_heading="Other posts",
    )
