"""The main menu: the live, public pages under a site's home page that editors put in
menus. Every page of the site shows it, so it is kept in the cache and read once per
generation; any saved, moved or deleted page, or a change to who may see a page, starts a
new generation (`core.signals`)."""

import time

from django.core.cache import cache
from django.db import transaction

from wagtail.models import Page, Site

GENERATION_KEY = "main-menu:generation"
TIMEOUT = 24 * 60 * 60  # a day: unused generations fall out of the cache


def generation() -> int:
    # Started from the clock, so that a generation key the cache dropped never comes back
    # to a number an old menu is still stored under.
    return cache.get_or_set(GENERATION_KEY, time.time_ns, timeout=None)


def _bump() -> None:
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # not in the cache (new, or dropped)
        cache.set(GENERATION_KEY, time.time_ns(), timeout=None)


def forget_menus() -> None:
    """Read the menus afresh: now, and again when the change commits (a request between the
    two would otherwise keep what it read before the commit)."""
    _bump()
    transaction.on_commit(_bump)


def menu_for_site(site: Site) -> dict:
    """The home page's address and the menu's items (title, address, tree path)."""
    key = f"main-menu:{site.pk}:{generation()}"
    menu = cache.get(key)
    if menu is None:
        pages = Page.objects.child_of(site.root_page).live().public().in_menu()
        menu = {
            "home_url": site.root_page.url,
            "items": [
                {"title": page.title, "url": page.url, "path": page.path}
                for page in pages.specific(defer=True)
            ],
        }
        cache.set(key, menu, timeout=TIMEOUT)
    return menu
