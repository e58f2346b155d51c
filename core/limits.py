"""Per-address limits on the public forms (suggestions, comments, subscriptions).

Every count lives in the shared cache (Redis in production), so every gunicorn worker and
every app server agrees on it, and taking a slot is one atomic step: `cache.add` creates
the counter only when it is absent and `cache.incr` is atomic on Redis and on local
memory, so concurrent requests cannot all read "under the limit" and slip in together.
"""

from django.core.cache import cache
from django.http import HttpRequest

from core.net import client_ip


def take_slot(key: str, limit: int, window_seconds: int) -> bool:
    """Count one attempt under `key`; False once more than `limit` fell in the window."""
    if cache.add(key, 1, window_seconds):
        return limit >= 1
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr: this attempt opens a new window
        count = 1 if cache.add(key, 1, window_seconds) else cache.incr(key)
    return count <= limit


def take_address_slot(request: HttpRequest, scope: str, limit: int, window_seconds: int) -> bool:
    """One attempt from the reader's address (as the site's own proxies vouch for it)."""
    return take_slot(f"{scope}:{client_ip(request)}", limit, window_seconds)
