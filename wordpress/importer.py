"""One import of a WordPress export: a quick scan, then every item in file order.

Each item is imported in its own transaction, so one bad post is reported and the rest
still arrive; a dry run wraps the whole import in a transaction that is rolled back
(and writes no image files), so it prints the report a real run would.
"""

from collections.abc import Callable
from contextlib import nullcontext
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction

from wagtail.models import Page, Site

from essays.models import EssayIndexPage
from home.models import HomePage
from roundups.models import RoundupIndexPage
from wordpress import comments, redirects, wxr
from wordpress.html_blocks import Conversion, convert
from wordpress.indexing import indexed_once
from wordpress.ledger import Ledger
from wordpress.mapping import essays, pages, roundups
from wordpress.media import Media, media_files_kept
from wordpress.people import People
from wordpress.publishing import save_page
from wordpress.report import Report
from wordpress.scan import scan
from wordpress.text import plain

# What WordPress's statuses mean here: live, or a draft and why.
DRAFT_REASONS = {
    "draft": "a draft on WordPress",
    "pending": "pending review on WordPress",
    "private": "private on WordPress",
    "future": "scheduled on WordPress",
}
NOT_CONTENT = {"trash": "in the WordPress bin", "auto-draft": "an unsaved WordPress draft"}


class Run:
    """Everything the mapping of one item needs: the scan, the ledger, people, media."""

    def __init__(self, path: Path, *, media_dir=None, parent: Page | None = None):
        self.path = path
        self.report = Report()
        self.scan = scan(path)
        if self.scan.channel is None:
            raise wxr.WxrError("The export has no posts, pages or authors.")
        self.source = self.scan.channel.base_url
        self.ledger = Ledger(self.source)
        self.people = People(self.ledger, self.report, self.scan.authors)
        self.media = Media(self.scan, self.ledger, self.report, media_dir)
        self.home = self.find_home()
        self.parent = parent or self.home
        self.series_pages: dict[str, Page] = {}

    @staticmethod
    def find_home() -> Page:
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        home = HomePage.objects.first() or (site.root_page if site else None)
        if home is None:
            raise wxr.WxrError("The site has no home page to import under.")
        return home

    def section(self, model, title: str, slug: str) -> Page:
        """The site's essay index or roundup archive, made under the home page if missing."""
        existing = model.objects.first()
        if existing is not None:
            return existing
        return save_page(model(title=title, slug=slug), self.home, live=True, date=None)

    def essay_index(self) -> EssayIndexPage:
        return self.section(EssayIndexPage, "Essays", "essays")

    def roundup_index(self) -> RoundupIndexPage:
        return self.section(RoundupIndexPage, "Roundups", "roundups")

    def body(self, item: wxr.Item) -> Conversion:
        conversion = convert(
            item.content,
            find_image=self.media.find,
            gallery=lambda ids: self.media.gallery(ids, item.wp_id),
            find_document=self.media.find_document,
        )
        for note in dict.fromkeys(conversion.notes):
            self.report.warn(where(item), note)
        return conversion

    def featured_image(self, item: wxr.Item) -> int | None:
        thumbnail = item.meta.get("_thumbnail_id", "")
        return self.media.image(int(thumbnail)) if thumbnail.isdigit() else None

    def upsert(self, *, kind, key, fingerprint, model, parent, fill, live, date, existing=None):
        """Create or update the page recorded under `key`; unchanged sources are left alone.
        A page made earlier as a placeholder (no fingerprint) counts as created when filled."""
        record = self.ledger.find(key)
        page = existing
        if page is None and record is not None:
            page = model.objects.filter(pk=record.object_id).first()
        if page is not None and record is not None and record.fingerprint == fingerprint:
            self.report.count(kind, "unchanged")
            return page
        placeholder = page is not None and (record is None or not record.fingerprint)
        outcome = "updated" if page is not None and not placeholder else "created"
        page = page or model()
        fill(page)
        save_page(page, parent, live=live, date=date)
        self.ledger.record(key, kind, page.pk, fingerprint)
        self.report.count(kind, outcome)
        return page


def reasons(error: ValidationError, path: str = "") -> list[str]:
    """What an editor would read on the page's form, field by field and block by block
    ("excerpts, item 3, posted on: Posted after the week ending …"), not Wagtail's
    summary ("Validation error in StreamBlock")."""
    found = []
    nested = getattr(error, "block_errors", None)
    if nested:
        items = nested.items() if isinstance(nested, dict) else enumerate(nested)
        for key, child in items:
            if child is None:
                continue
            label = f"item {key + 1}" if isinstance(key, int) else str(key).replace("_", " ")
            found += reasons(child, f"{path}, {label}" if path else label)
        for message in getattr(error, "non_block_errors", None) or []:
            found += reasons(ValidationError(message), path)
        return found
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            label = "" if field == "__all__" else field.replace("_", " ")
            for child in errors:
                found += reasons(child, ", ".join(part for part in (path, label) if part))
        return found
    for child in error.error_list if hasattr(error, "error_list") else [error]:
        if getattr(child, "block_errors", None) and child is not error:
            found += reasons(child, path)
            continue
        text = child.message % child.params if child.params else child.message
        found.append(f"{path}: {text}" if path else str(text))
    return found


def where(item: wxr.Item) -> str:
    title = plain(item.title) or "(no title)"
    return f"{item.post_type} {item.wp_id} “{title[:60]}”"


def visibility(item: wxr.Item) -> tuple[bool, str]:
    """(live, why not): only published posts without a password become public."""
    if item.password:
        return False, "password-protected on WordPress"
    if item.status == "publish":
        return True, ""
    return False, DRAFT_REASONS.get(item.status, f"“{item.status}” on WordPress")


def import_item(run: Run, item: wxr.Item) -> None:
    if item.status in NOT_CONTENT and item.post_type in {"post", "page"}:
        run.report.skip(
            item.post_type if item.post_type == "page" else "essay", NOT_CONTENT[item.status]
        )
        return
    if item.post_type == "attachment":
        address = run.media.attachment(item.wp_id)
        if address:
            paths = redirects.old_paths(item.link, run.source, item.wp_id, "attachment")
            redirects.point(run.report, paths, link=address)
        return
    if item.post_type not in {"post", "page"}:
        run.report.skip("other", f"{item.post_type or 'untyped'} items are not content")
        return
    live, reason = visibility(item)
    if not live:
        run.report.warn(where(item), f"{reason}: imported as a draft, not published")
    if item.post_type == "page":
        page = pages.import_page(run, item, live)
    elif roundups.is_roundup(item):
        page = roundups.import_roundup(run, item, live)
    else:
        page = essays.import_post(run, item, live)
    if page is None:
        return
    if page.live:
        paths = redirects.old_paths(item.link, run.source, item.wp_id, item.post_type)
        if item.guid and "?" in item.guid:
            paths += redirects.old_paths(item.guid, run.source, item.wp_id, item.post_type)
        redirects.point(run.report, list(dict.fromkeys(paths)), page=page)
    comments.import_comments(run, item, page)


def run_import(
    path: Path,
    *,
    media_dir: Path | None = None,
    parent: Page | None = None,
    dry_run: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> Report:
    """Import the export at `path` and say what happened."""
    # A real import commits item by item, so an interrupted run keeps what it did and a
    # second run carries on; a dry run is one transaction, rolled back.
    with (
        transaction.atomic() if dry_run else nullcontext(),
        media_files_kept(not dry_run),
        indexed_once(not dry_run),
    ):
        run = Run(path, media_dir=media_dir, parent=parent)
        done = 0
        for entry in wxr.read(path):
            if not isinstance(entry, wxr.Item):
                continue
            done += 1
            try:
                with transaction.atomic():
                    import_item(run, entry)
            except ValidationError as error:  # what the page's form would refuse: say what
                run.report.skip("other", "failed (see warnings)")
                listed = "; ".join(dict.fromkeys(reasons(error)))
                run.report.warn(where(entry), f"could not be imported: {listed}")
            except Exception as error:  # one bad post must not stop the rest: say which
                run.report.skip("other", "failed (see warnings)")
                run.report.warn(where(entry), f"could not be imported: {error}")
            if progress is not None:
                progress(done, run.scan.items)
        if dry_run:
            transaction.set_rollback(True)
    return run.report
