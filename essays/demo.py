"""Demo essays from the seed: four essays and the “Ten reasons…” series with parts 2 and 9.

Idempotent: pages are found by slug and left alone when they exist, so running
the loader again neither duplicates nor re-publishes anything.
"""

import re
from datetime import datetime
from html import escape
from zoneinfo import ZoneInfo

from wagtail.models import Page

from essays import demo_posts
from essays.models import Author, EssayIndexPage, EssayPage, SeriesPage
from home.models import HomePage

LONDON = ZoneInfo("Europe/London")
SERIES_TITLE = "Ten reasons why we need a new approach to developing social policy"
SERIES_PARTS = 10
ORDERED_ITEM = re.compile(r"^\s+\d+\.\s+")
TABLE_STRONG = "table-cell--strong"  # styled in site.css

# The seed dates the roundup, not the essays: these dates follow what the essays say
# (“Last week the Government published its civil service reform plan”, June 2012; the
# series ran over two weeks in October 2012, “the last in the series on Monday”
# 22 October).
ESSAYS = [
    {
        "slug": "civil-servants-social-media",
        "title": "How can civil servants make better use of social media?",
        "date": (2012, 6, 26),
        "topics": ["Social media", "Civil service", "Open policymaking"],
        "text": demo_posts.CIVIL_SERVANTS,
    },
    {
        "slug": "open-policy-challenge-to-consultations",
        "title": "Open policy is a challenge to government consultations – and an opportunity",
        "date": (2012, 10, 2),
        "topics": ["Open policymaking", "Consultation"],
        "text": demo_posts.OPEN_POLICY,
    },
    {
        "slug": "consultation-cant-fix-our-broken-politics",
        "title": "Consultation can’t fix our broken politics – we need new ways to engage the "
        "public in policymaking",
        "date": (2012, 10, 9),
        "topics": ["Open policymaking", "Consultation"],
        "text": demo_posts.CONSULTATION,
    },
    {
        "slug": "gove-opposite-of-open-policymaking",
        "title": "Michael Gove’s approach to education reform is the opposite of open policymaking",
        "date": (2012, 10, 16),
        "topics": ["Education", "Open policymaking"],
        "text": demo_posts.GOVE,
    },
]

PARTS = {
    2: {
        "slug": "policy-would-stand-a-better-chance",
        "title": "Policy would stand a better chance of achieving its objectives",
        "date": (2012, 10, 10),
        "topics": ["Open policymaking", "Social policy"],
        "text": demo_posts.PART_2,
    },
    9: {
        "slug": "its-the-future",
        "title": "It’s the future",
        "date": (2012, 10, 19),
        "topics": ["Open policymaking", "Social policy"],
        "text": demo_posts.PART_9,
    },
}


def stream_from_text(text: str) -> tuple[str, list[dict]]:
    """Split the marked-up text into its standfirst (first paragraph) and body blocks."""
    chunks = [chunk for chunk in text.split("\n\n") if chunk.strip()]
    standfirst, body = chunks[0].strip(), []
    for chunk in chunks[1:]:
        lines = chunk.split("\n")
        if chunk.startswith("## "):
            body.append({"type": "heading", "value": {"text": chunk[3:], "level": "h2"}})
        elif chunk.startswith("> "):
            quote = [line for line in lines if not line.startswith("-- ")]
            attribution = [line[3:] for line in lines if line.startswith("-- ")]
            body.append(
                {
                    "type": "quote",
                    "value": {
                        "quote": "\n".join(quote)[2:],
                        "attribution": attribution[0] if attribution else "",
                    },
                }
            )
        elif chunk.startswith("[table]"):
            body.append({"type": "table", "value": table_value(lines[1:])})
        elif all(line.startswith("  • ") for line in lines):
            items = [f"<p>{escape(line[4:], quote=False)}</p>" for line in lines]
            body.append({"type": "list", "value": {"style": "ul", "items": items}})
        elif all(ORDERED_ITEM.match(line) for line in lines):
            items = [f"<p>{escape(ORDERED_ITEM.sub('', line), quote=False)}</p>" for line in lines]
            body.append({"type": "list", "value": {"style": "ol", "items": items}})
        else:
            body.append({"type": "paragraph", "value": f"<p>{escape(chunk, quote=False)}</p>"})
    return standfirst, body


def table_value(lines: list[str]) -> dict:
    """A table block's value: rows of cells, the first a header; a cell written `**…**`
    is set in bold through the table's own cell classes (`TABLE_STRONG`)."""
    rows, cells = [], []
    for line in lines:
        if not line.strip():
            continue  # a trailing newline is not a row
        row = []
        for cell in line.split(" | "):
            if cell.startswith("**") and cell.endswith("**"):
                cells.append({"row": len(rows), "col": len(row), "className": TABLE_STRONG})
                cell = cell[2:-2]
            row.append(cell.strip())
        rows.append(row)
    value = {
        "data": rows,
        "first_row_is_table_header": True,
        "first_col_is_header": False,
        "table_header_choice": "row",  # as the table block stores it
    }
    if cells:
        value["cell"] = cells
    return value


def london(year: int, month: int, day: int) -> datetime:
    return datetime(year, month, day, 9, 0, tzinfo=LONDON)


def add_essay(parent: Page, spec: dict, author: Author, loader) -> EssayPage:
    existing = EssayPage.objects.child_of(parent).filter(slug=spec["slug"]).first()
    standfirst, body = stream_from_text(spec["text"])
    if existing:
        refresh_untouched(existing, standfirst, body, loader)
        return existing
    essay = parent.add_child(
        instance=EssayPage(
            title=spec["title"],
            slug=spec["slug"],
            author=author,
            published_at=london(*spec["date"]),
            standfirst=standfirst,
            body=body,
        )
    )
    essay.tags.add(*spec["topics"])
    essay.save_revision().publish()
    loader.log(f"essay “{essay.title}”")
    return essay


def without_ids(value):
    """A stream's raw data as plain values: list block items are stored as {"type": "item",
    "value": …, "id": …}, which is the same content as the plain list the loader writes."""
    if isinstance(value, dict):
        if value.get("type") == "item" and "value" in value:
            return without_ids(value["value"])
        return {key: without_ids(item) for key, item in value.items() if key != "id"}
    if isinstance(value, list):
        return [without_ids(item) for item in value]
    return value


def refresh_untouched(essay: EssayPage, standfirst: str, body: list[dict], loader) -> None:
    """Bring an essay an earlier demo made up to date with the seed's text, as long as
    nobody has touched it since: its only revision is the loader's own. Anything an editor
    (or the open-drafting demo) changed is left alone."""
    revisions = list(essay.revisions.values_list("user_id", flat=True)[:2])
    if len(revisions) != 1 or revisions[0] is not None:
        return
    stored = [{"type": block["type"], "value": block["value"]} for block in essay.body.raw_data]
    if without_ids(stored) == without_ids(body) and essay.standfirst == standfirst:
        return
    essay.standfirst, essay.body = standfirst, body
    essay.save_revision().publish()
    loader.log(f"essay “{essay.title}” brought up to date with the seed")


def load(loader) -> None:
    home = HomePage.objects.first()
    author, _ = Author.objects.get_or_create(
        slug="guerilla-policy-team",
        defaults={"name": "The Guerilla Policy team", "role": "Editors"},
    )
    index = EssayIndexPage.objects.child_of(home).first()
    if index is None:
        index = home.add_child(
            instance=EssayIndexPage(
                title="Essays",
                slug="essays",
                show_in_menus=True,
                introduction="<p>Essays on how policy is made, and how the people who run "
                "and use public services could make it better.</p>",
            )
        )
        index.save_revision().publish()
        loader.log("essay index")

    for spec in ESSAYS:
        add_essay(index, spec, author, loader)

    series = SeriesPage.objects.child_of(index).filter(slug="ten-reasons").first()
    if series is None:
        series = index.add_child(
            instance=SeriesPage(
                title=SERIES_TITLE,
                slug="ten-reasons",
                planned_parts=SERIES_PARTS,
                introduction="<p>A series of posts on why social policy should be developed "
                "by and with the people who use and provide public and voluntary "
                "services.</p>",
                listing_summary="Ten reasons, one a day, why social policy should be made "
                "with the people who use and provide public services.",
            )
        )
        series.save_revision().publish()
        loader.log(f"series “{series.title}”")

    # Numbers come from the order of the series' children, so the parts not yet written
    # are kept as drafts in their places; the tenth is a gap after the last child.
    for number in range(1, max(PARTS) + 1):
        if number in PARTS:
            add_essay(series, PARTS[number], author, loader)
            continue
        slug = f"part-{number}"
        if not EssayPage.objects.child_of(series).filter(slug=slug).exists():
            draft = series.add_child(
                instance=EssayPage(
                    title=f"Part {number} (not yet written)",
                    slug=slug,
                    live=False,
                    author=author,
                    body=[],
                )
            )
            draft.save_revision()
