"""Creating and updating imported pages: a revision each time, live only when allowed."""

from datetime import datetime
from urllib.parse import unquote

from django.utils.text import slugify

from wagtail.models import Page


def free_slug(parent: Page, wanted: str, exclude_pk: int | None = None) -> str:
    """`wanted` (or one made unique with -2, -3…) that no sibling under `parent` uses."""
    base = (slugify(unquote(wanted), allow_unicode=True) or "page")[:240]
    taken = set(
        parent.get_children()
        .filter(slug__startswith=base)
        .exclude(pk=exclude_pk)
        .values_list("slug", flat=True)
    )
    slug, number = base, 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    return slug


def save_page(page: Page, parent: Page | None, *, live: bool, date: datetime | None) -> Page:
    """Save `page` as a new revision (adding it under `parent` when new) and publish it
    when `live`; a page WordPress no longer shows publicly is unpublished."""
    if page.pk is None:
        page.slug = free_slug(parent, page.slug or page.title)
        page.live = False
        page.has_unpublished_changes = True
        if date is not None and live:
            page.first_published_at = date
        parent.add_child(instance=page)
    revision = page.save_revision(clean=True)
    if live:
        revision.publish()
        page.refresh_from_db()
    elif page.live:
        page.unpublish()
    return page
