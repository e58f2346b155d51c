"""HTTP caching for public pages, and the application's own page cache.

`PageCacheMiddleware` decides, for every response, whether it may be kept by browsers and
shared caches (Varnish, a CDN):

- public: a GET or HEAD from a reader with no session cookie, answered 200, 301 or 404,
  that sets no cookie and rendered no CSRF token, outside the admin and the other private
  sections (settings.CACHE_PRIVATE_PATHS), not a preview and not a search with a query. It
  gets `Cache-Control: public, max-age=CACHE_MAX_AGE, s-maxage=CACHE_S_MAXAGE`, an ETag
  made from the bytes the page shows (the CSP nonce left out, so the same page has the same
  ETag from one render to the next), a Last-Modified at the last published change to the
  site, and `304 Not Modified` when the reader already has it. `Vary: Cookie` is dropped:
  such a response is the same for every reader without a session, and a reader with one
  never gets a shared copy (the VCL and this cache both pass them by).
- private: everything else that did not set its own Cache-Control gets
  `Cache-Control: private, no-store`.

With settings.PAGE_CACHE on, public responses are also kept in Django's cache (Redis in
production) for CACHE_S_MAXAGE seconds, and served from there before sessions, CSRF or
the database are touched: a single-server site gets most of what Varnish gives. Entries
are keyed by host, path and query; `forget_urls()` (called by `core.purging` after every
publish) bumps a path's generation, so every query variant of it (`?page=2`) goes at once.
An entry records the generation it was made in, so one round trip to the cache reads both
the entry and its path's generation, and an entry from an older generation is a miss.
A HEAD is answered from the cache without rendering.
"""

import hashlib
import re
import time
from collections.abc import Iterable
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.urls import NoReverseMatch, reverse
from django.utils.cache import get_conditional_response
from django.utils.http import http_date, parse_http_date_safe

PUBLIC_STATUSES = {200, 301, 404}
PRIVATE = "private, no-store"
NONCE_RE = re.compile(r"'nonce-([^']+)'")
MESSAGES_COOKIE = "messages"  # django.contrib.messages' cookie storage
CHANGED_AT_KEY = "pagecache:changed-at"
GENERATION_PREFIX = "pagecache:generation:"
ENTRY_PREFIX = "pagecache:entry:"
# Headers that belong to one answer; a stored page keeps every other one, so a reader gets
# the same security headers (CSP, Permissions-Policy, X-Frame-Options) from the cache.
ANSWER_HEADERS = {"date", "content-length", "x-page-cache"}


def _digest(text: str) -> str:
    return hashlib.blake2b(text.encode(), digest_size=16).hexdigest()


def changed_at() -> int:
    """When the site last published a change, in whole seconds (kept in the cache)."""
    stamp = cache.get(CHANGED_AT_KEY)
    if stamp is None:
        stamp = int(time.time())
        cache.add(CHANGED_AT_KEY, stamp, timeout=None)
    return stamp


def mark_changed() -> None:
    cache.set(CHANGED_AT_KEY, int(time.time()), timeout=None)


def search_path() -> str | None:
    try:
        return reverse("search")
    except NoReverseMatch:
        return None


def request_may_share(request: HttpRequest) -> bool:
    """Whether this request may be answered with (or make) a copy every reader shares."""
    if request.method not in {"GET", "HEAD"}:
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES or MESSAGES_COOKIE in request.COOKIES:
        return False  # signed in, holding a page password or a message: theirs alone
    path = request.path_info
    if any(path.startswith(prefix) for prefix in settings.CACHE_PRIVATE_PATHS):
        return False
    return not (path == search_path() and request.GET.get("q", "").strip())


def response_may_share(request: HttpRequest, response: HttpResponse) -> bool:
    """Whether the view's answer is the same for every reader without a session."""
    return (
        response.status_code in PUBLIC_STATUSES
        and not response.streaming
        and not response.cookies
        and not getattr(request, "is_preview", False)
        # Set by django.middleware.csrf.get_token: the page carries a token of this reader's.
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
    )


def page_etag(response: HttpResponse) -> str:
    """A strong ETag from the page's bytes with the per-render CSP nonce taken out."""
    content = response.content
    match = NONCE_RE.search(response.get("Content-Security-Policy", ""))
    if match:
        content = content.replace(match.group(1).encode(), b"")
    return '"' + hashlib.blake2b(content, digest_size=16).hexdigest() + '"'


def make_public(response: HttpResponse) -> None:
    response["Cache-Control"] = (
        f"public, max-age={settings.CACHE_MAX_AGE}, s-maxage={settings.CACHE_S_MAXAGE}"
    )
    response["ETag"] = page_etag(response)
    response["Last-Modified"] = http_date(changed_at())
    if response.has_header("Vary"):
        kept = [
            value.strip()
            for value in response["Vary"].split(",")
            if value.strip() and value.strip().lower() != "cookie"
        ]
        if kept:
            response["Vary"] = ", ".join(kept)
        else:
            del response["Vary"]


def _generation_key(path: str) -> str:
    """One generation per path whatever the host: a purge names the site's own host, and
    a reader may have asked by another of ALLOWED_HOSTS."""
    return GENERATION_PREFIX + _digest(path)


def _entry_key(request: HttpRequest) -> str:
    query = request.META.get("QUERY_STRING", "")
    scheme = "https" if request.is_secure() else "http"
    host = request.get_host().lower()
    return ENTRY_PREFIX + _digest(f"{scheme}|{host}{request.path}?{query}")


def forget_urls(urls: Iterable[str]) -> None:
    """Drop the stored copies of these addresses, every query variant included."""
    keys = {_generation_key(urlsplit(url).path or "/") for url in urls}
    for key in keys:
        cache.add(key, 0, timeout=None)
        try:
            cache.incr(key)
        except ValueError:  # evicted between add and incr
            cache.set(key, 1, timeout=None)
    mark_changed()


def stored_response(request: HttpRequest, entry: dict) -> HttpResponse:
    response = HttpResponse(
        b"" if request.method == "HEAD" else entry["content"], status=entry["status"]
    )
    for name, value in entry["headers"]:
        response[name] = value
    response["Content-Length"] = str(len(entry["content"]))
    response["X-Page-Cache"] = "hit"
    return response


class PageCacheMiddleware:
    """Cache headers on every response; the page cache for public ones (see module)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        shareable = request_may_share(request)
        entry_key = generation = None
        if shareable and settings.PAGE_CACHE:
            generation_key, entry_key = _generation_key(request.path), _entry_key(request)
            found = cache.get_many([generation_key, entry_key])
            generation = found.get(generation_key, 0)
            entry = found.get(entry_key)
            if entry is not None and entry["generation"] == generation:
                response = stored_response(request, entry)
                return self.conditional(request, response)

        response = self.get_response(request)
        if response.has_header("Cache-Control"):
            return response  # the admin's never_cache, static and media files: as they are
        if shareable and response_may_share(request, response):
            make_public(response)
            if entry_key is not None:
                cache.set(
                    entry_key,
                    {
                        "generation": generation,
                        "status": response.status_code,
                        "headers": [
                            (name, value)
                            for name, value in response.items()
                            if name.lower() not in ANSWER_HEADERS
                        ],
                        "content": response.content,
                    },
                    timeout=settings.CACHE_S_MAXAGE,
                )
            return self.conditional(request, response)
        response["Cache-Control"] = PRIVATE
        return response

    @staticmethod
    def conditional(request: HttpRequest, response: HttpResponse) -> HttpResponse:
        """304 when the reader's copy is current (Django's rules for ETag and date)."""
        if response.status_code != 200:
            return response
        return get_conditional_response(
            request,
            etag=response["ETag"],
            last_modified=parse_http_date_safe(response.get("Last-Modified", "")),
            response=response,
        )
