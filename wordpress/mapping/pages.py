"""WordPress pages → plain content pages under the home page (or `--parent`), nested as
they were. A page exported before its parent gets a draft placeholder for the parent,
filled in when the parent is reached."""

from home.models import ContentPage
from wordpress.ledger import fingerprint
from wordpress.publishing import free_slug, save_page
from wordpress.text import plain


def parent_for(run, wp_id: int):
    """The page to put WordPress page `wp_id`'s children under."""
    record = run.ledger.find(f"post:{wp_id}")
    page = ContentPage.objects.filter(pk=record.object_id).first() if record else None
    if page is not None:
        return page
    grandparent_id = run.scan.page_parents.get(wp_id, 0)
    grandparent = parent_for(run, grandparent_id) if grandparent_id else run.parent
    page = save_page(
        ContentPage(title=f"Page {wp_id}", slug=f"page-{wp_id}"), grandparent, live=False, date=None
    )
    run.ledger.record(f"post:{wp_id}", "page", page.pk)
    return page


def fill(run, item, page: ContentPage, title: str) -> None:
    page.title = page.draft_title = title
    if item.slug:
        page.slug = free_slug(page.get_parent(), item.slug, page.pk) if page.pk else item.slug
    page.body = run.body(item).blocks


def import_page(run, item, live: bool):
    title = plain(item.title) or f"Untitled page {item.wp_id}"
    in_scan = item.parent_id in run.scan.page_parents
    parent = parent_for(run, item.parent_id) if item.parent_id and in_scan else run.parent
    return run.upsert(
        kind="page",
        key=f"post:{item.wp_id}",
        fingerprint=fingerprint(item.title, item.content, item.status, item.password, item.slug),
        model=ContentPage,
        parent=parent,
        fill=lambda page: fill(run, item, page, title),
        live=live,
        date=item.date,
    )
