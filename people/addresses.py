"""Where the blogger directory and each profile live, without a query per link.

The directory's address is cached, so a roundup linking fifty bloggers asks the
database nothing; `people.signals` forgets it whenever a page or site changes.
The signals fire inside the change's transaction, before it commits: another worker that
asks in between still reads the old address from the database and would store it again,
so it is forgotten a second time once the change commits, and it expires after an hour
whatever happens, so no race can keep a wrong address for long.
The directory page model is looked up through the app registry so that snippets,
which link to their profiles, need not import the page module that lists them.
"""

from django.apps import apps
from django.core.cache import cache
from django.db import transaction

DIRECTORY_URL_CACHE_KEY = "people:blogger-directory-url"
DIRECTORY_URL_TIMEOUT = 3600  # seconds
# Stands for "there is no live directory" in the cache, where None means "not cached".
NO_DIRECTORY = "-"


def directory_page_model():
    return apps.get_model("people", "BloggerIndexPage")


def blogger_directory_url() -> str:
    """The live blogger directory's address, or "" when there is none."""
    url = cache.get(DIRECTORY_URL_CACHE_KEY)
    if url is None:
        directory = directory_page_model().objects.live().first()
        url = (directory.get_url() if directory else None) or NO_DIRECTORY
        cache.set(DIRECTORY_URL_CACHE_KEY, url, timeout=DIRECTORY_URL_TIMEOUT)
    return "" if url == NO_DIRECTORY else url


def forget_blogger_directory_url() -> None:
    """Forget the address now, and again when the current transaction commits (at once
    outside one)."""
    cache.delete(DIRECTORY_URL_CACHE_KEY)
    transaction.on_commit(lambda: cache.delete(DIRECTORY_URL_CACHE_KEY))


def blogger_profile_url(slug: str) -> str:
    """The address of the profile of the blogger with `slug`, or "" without a directory."""
    directory = blogger_directory_url()
    if not directory:
        return ""
    return directory + directory_page_model().get_resolver().reverse("blogger", slug=slug)


def blogger_page_urls(slugs) -> list[str]:
    """The full addresses of every live directory and of these bloggers' profiles in it:
    the pages to purge when the bloggers change or are quoted anew."""
    urls = []
    for directory in directory_page_model().objects.live():
        base = directory.get_full_url()
        if base:
            urls.append(base)
            urls += [
                base + directory.reverse_subpage("blogger", kwargs={"slug": slug}) for slug in slugs
            ]
    return urls


def officials_pages():
    """The live officials directories: every official and department shows there."""
    return apps.get_model("people", "OfficialIndexPage").objects.live()
