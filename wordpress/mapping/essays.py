"""Ordinary posts → essays; posts whose titles follow a series pattern → series parts.

A series is made the first time one of its parts is met, with a draft placeholder for
every number up to its highest part, so each part lands at its number (a part's number
is its place among the series' children) and the missing ones show as numbered gaps.
The series owns its title; parts keep only their own.
"""

from essays.models import EssayPage, SeriesPage
from wordpress.comments import last_comment_date
from wordpress.ledger import fingerprint
from wordpress.publishing import free_slug, save_page
from wordpress.scan import Series
from wordpress.text import plain

PLACEHOLDER_BODY = [
    {"type": "paragraph", "value": "<p>This part was not in the WordPress export.</p>"}
]


def essay_fingerprint(item) -> str:
    return fingerprint(
        item.title, item.content, item.excerpt, item.status, item.password, item.date,
        item.terms, item.creator, item.meta.get("_thumbnail_id"),
    )  # fmt: skip


def fill_essay(run, item, page: EssayPage, title: str) -> None:
    conversion = run.body(item)
    page.title = page.draft_title = title
    if not page.pk:
        page.slug = item.slug or title
    elif page.first_published_at is None:  # a placeholder or draft: its address may follow
        page.slug = free_slug(page.get_parent(), item.slug or title, page.pk)
    page.author = run.people.author(item.creator)
    page.published_at = item.date
    page.standfirst = plain(item.excerpt)[:500]
    page.body = conversion.blocks
    page.listing_image_id = run.featured_image(item)
    page.tags.set(item.terms)
    if page.comments_open_until is None:
        # Closed at the last comment: WordPress's comments show under the essay, no form.
        page.comments_open_until = last_comment_date(item)


def series_page(run, info: Series) -> SeriesPage:
    """The series and its numbered places, made once."""
    if info.key in run.series_pages:
        return run.series_pages[info.key]
    record = run.ledger.find(f"series:{info.key}")
    series = SeriesPage.objects.filter(pk=record.object_id).first() if record else None
    if series is not None:
        run.report.count("series", "unchanged")
        run.series_pages[info.key] = series
        return series
    series = save_page(
        SeriesPage(title=info.title, slug=info.title, planned_parts=max(info.planned, 1)),
        run.essay_index(),
        live=False,
        date=None,
    )
    run.ledger.record(f"series:{info.key}", "series", series.pk)
    run.report.count("series", "created")
    for number in range(1, max(info.numbers) + 1):
        placeholder = save_page(
            EssayPage(title=f"Part {number}", slug=f"part-{number}", body=PLACEHOLDER_BODY),
            series,
            live=False,
            date=None,
        )
        run.ledger.record(f"series:{info.key}:part:{number}", "essay", placeholder.pk)
    run.series_pages[info.key] = series
    missing = sorted(set(range(1, info.planned + 1)) - info.numbers)
    if missing:
        run.report.warn(
            f"series “{info.title}”",
            f"parts {', '.join(map(str, missing))} are not in the export: they show as gaps",
        )
    return series


def import_post(run, item, live: bool):
    title = plain(item.title)
    if not title:
        title = f"Untitled post {item.wp_id}"
        run.report.warn(f"post {item.wp_id}", f"has no title: imported as “{title}”")
    part = run.scan.parts.get(item.wp_id)
    key, parent, existing = f"post:{item.wp_id}", run.essay_index(), None
    if part is not None:
        info = run.scan.series[part.series_key]
        parent = series_page(run, info)
        title = part.title
        if run.ledger.find(key) is None:
            slot = run.ledger.find(f"series:{info.key}:part:{part.number}")
            existing = EssayPage.objects.filter(pk=slot.object_id).first() if slot else None
    page = run.upsert(
        kind="essay",
        key=key,
        fingerprint=essay_fingerprint(item),
        model=EssayPage,
        parent=parent,
        fill=lambda page: fill_essay(run, item, page, title),
        live=live,
        date=item.date,
        existing=existing,
    )
    if part is not None and live and not parent.live:
        save_page(parent, None, live=True, date=item.date)
    return page
