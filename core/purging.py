"""Purging every cached copy of what a change touches, in the background.

A page's change (published, unpublished, moved, deleted) touches the page itself, every
ancestor below the root (the listings that show it: a series, the essay index, the
archive, the home page), the sitemap, and whatever else the page names in its
`cache_dependents()` (an essay's sibling parts, a roundup's month pages and its bloggers'
profiles). A snippet's change touches the pages Wagtail's reference index finds pointing at
it, each with its own set, and whatever the snippet names in `cache_dependents()` (a
blogger's profile and the directory).

Each page contributes its full URL joined with its `get_cached_paths()` (feeds), as
Wagtail's frontend cache does. The addresses go to the task `purge_addresses`, which drops
the application's page cache entries (`core.caching`) and asks every backend in
settings.WAGTAILFRONTENDCACHE (Varnish over HTTP, Cloudflare, CloudFront) to purge them.
Publishing only enqueues it, so that it runs once the change is committed
(`enqueue_at_commit`).

The content apps implement `cache_dependents`; this module imports none of them.
"""

from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlsplit

from django_tasks import task
from django_tasks_db import DatabaseBackend

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import Model, Q

from wagtail.contrib.frontend_cache.backends import HTTPBackend
from wagtail.contrib.frontend_cache.utils import get_backends
from wagtail.models import Page, ReferenceIndex

from core import caching


class PurgeSet:
    """Addresses to purge, gathered from pages and plain URLs, each page once."""

    def __init__(self) -> None:
        self.urls: set[str] = set()
        self.seen_pages: set[int] = set()
        self.seen_parents: set[str] = set()  # tree paths whose ancestors are all added

    def add_url(self, url: str | None) -> None:
        if url:
            self.urls.add(url)

    def add_page_urls(self, page: Page) -> None:
        """The page's own addresses: its URL and its cached paths (feeds)."""
        url = page.get_full_url(self)
        if url:
            for path in page.specific_deferred.get_cached_paths():
                self.add_url(url + path.lstrip("/"))

    def add_page(self, page: Page, *, with_dependents: bool = True) -> None:
        """A page, the listings above it, the sitemap and the pages that show it."""
        if page.pk in self.seen_pages:
            return
        self.seen_pages.add(page.pk)
        self.add_page_urls(page)
        parent_path = page.path[: -page.steplen]
        if parent_path not in self.seen_parents:  # siblings share every listing above them
            self.seen_parents.add(parent_path)
            for ancestor in page.get_ancestors().filter(depth__gt=1).live():
                if ancestor.pk not in self.seen_pages:
                    self.seen_pages.add(ancestor.pk)
                    self.add_page_urls(ancestor)
        url_parts = page.get_url_parts(self)
        if url_parts:
            self.add_url(url_parts[1] + "/sitemap.xml")
        if with_dependents:
            self.add_dependents(page.specific)

    def add_dependents(self, obj) -> None:
        dependents = getattr(obj, "cache_dependents", None)
        if dependents is not None:
            self.add_shown(dependents())

    def add_shown(self, dependents: Iterable) -> None:
        """Pages and addresses that show what changed (`cache_dependents`)."""
        for dependent in dependents:
            if isinstance(dependent, Page):
                # A dependent's own address only: it shows the change, it did not change.
                if dependent.pk not in self.seen_pages and dependent.live:
                    self.seen_pages.add(dependent.pk)
                    self.add_page_urls(dependent)
            else:
                self.add_url(dependent)

    def add_referring_pages(self, obj: Model) -> None:
        """Every live page the reference index finds pointing at `obj`, and those `obj` says
        show it otherwise (`pages_showing()`: a query of page ids), each with its set."""
        page_type = ContentType.objects.get_for_model(Page)
        references = ReferenceIndex.get_references_to(obj).filter(base_content_type=page_type)
        page_ids = {int(pk) for pk in references.values_list("object_id", flat=True).distinct()}
        shown = Q(pk__in=page_ids)
        if hasattr(obj, "pages_showing"):
            shown |= Q(pk__in=obj.pages_showing())
        pages = Page.objects.live().filter(shown)
        by_type: dict[type, list[Page]] = {}
        for page in pages.specific():
            by_type.setdefault(type(page), []).append(page)
        for model, same_type in by_type.items():
            # A type that can say what shows many of its pages at once does (a blogger quoted
            # in a hundred roundups); others say it page by page.
            many = getattr(model, "cache_dependents_of", None)
            for page in same_type:
                self.add_page(page, with_dependents=many is None)
            if many is not None:
                self.add_shown(many(same_type))


def page_change_urls(page: Page) -> set[str]:
    purge = PurgeSet()
    purge.add_page(page)
    return purge.urls


def page_move_urls(page: Page, parent_before: Page, url_path_before: str) -> set[str]:
    """After a move: the page where it is now, and its old addresses and old listings."""
    purge = PurgeSet()
    purge.add_page(page)
    purge.add_page(parent_before)
    site_id, root_url, new_path = page.get_url_parts() or (None, None, None)
    if root_url:
        prefix = page.url_path[: len(page.url_path) - len(new_path)]
        for moved in page.get_descendants(inclusive=True).live():
            old_path = url_path_before + moved.url_path[len(page.url_path) :]
            if old_path.startswith(prefix):
                purge.add_url(root_url + old_path[len(prefix) :])
    return purge.urls


def snippet_change_urls(obj: Model) -> set[str]:
    purge = PurgeSet()
    purge.add_referring_pages(obj)
    purge.add_dependents(obj)
    return purge.urls


def send_purges(urls: Iterable[str]) -> None:
    """Drop the page cache's copies and ask each frontend cache backend to purge."""
    urls = sorted(set(urls))
    if not urls:
        return
    caching.forget_urls(urls)
    for backend in get_backends().values():
        mine = [url for url in urls if backend.invalidates_hostname(urlsplit(url).hostname)]
        if not mine:
            continue
        if isinstance(backend, HTTPBackend) and len(mine) > 1:
            # One request per address: a renamed blogger quoted in a hundred roundups means
            # hundreds of them, sent a few at a time rather than one after another.
            with ThreadPoolExecutor(max_workers=PURGE_CONNECTIONS) as pool:
                list(pool.map(backend.purge, mine))
        else:
            backend.purge_batch(mine)


# Purge requests in flight at once to an HTTP cache (Varnish).
PURGE_CONNECTIONS = 8

# Ahead of the search and reference index updates the same publish queues: readers see the
# change as soon as the worker is free, not after the slower tasks.
PURGE_PRIORITY = 50


@task(priority=PURGE_PRIORITY)
def purge_addresses(urls: list[str]) -> int:
    send_purges(urls)
    return len(urls)


@task(priority=PURGE_PRIORITY)
def purge_snippet(app_label: str, model_name: str, pk: str) -> int:
    """Purge what shows a snippet: worked out in the worker, where a blogger featured in a
    hundred roundups costs the editor nothing."""
    model = apps.get_model(app_label, model_name)
    obj = model._default_manager.filter(pk=pk).first()
    if obj is None:
        return 0
    urls = snippet_change_urls(obj)
    send_purges(urls)
    return len(urls)


def enqueue_at_commit(purge, *args) -> None:
    """Enqueue a purge that must not run before the change it purges is committed.

    The database queue stores it in the change's own transaction: it appears to the worker
    at the commit, together with the index updates the same change queues, and goes first
    by priority. Queued after the commit instead, it would often find the worker already
    busy with those slower tasks. Other backends, which would run it at once, are handed
    it when the transaction commits.
    """
    if connection.in_atomic_block and isinstance(purge.get_backend(), DatabaseBackend):
        purge.enqueue(*args)
    else:
        transaction.on_commit(lambda: purge.enqueue(*args))


def purge_later(urls: Iterable[str]) -> None:
    """Purge these addresses once the current transaction commits (at once outside one)."""
    urls = sorted(set(urls))
    if urls:
        enqueue_at_commit(purge_addresses, urls)


def purge_snippet_later(obj: Model) -> None:
    meta = obj._meta
    enqueue_at_commit(purge_snippet, meta.app_label, meta.model_name, str(obj.pk))
