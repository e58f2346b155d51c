"""Counting requests in the shared cache, atomically, so every app server agrees."""

from django.core.cache import cache


def within_limit(key: str, limit: int, window_seconds: int) -> bool:
    """Count one attempt under `key`; False once more than `limit` fell in the window.

    `cache.add` creates the counter only if absent and `cache.incr` is atomic on Redis
    and on local memory, so concurrent requests cannot both read "under the limit"."""
    if cache.add(key, 1, window_seconds):
        return limit >= 1
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr: this attempt opens a new window
        cache.add(key, 1, window_seconds)
        count = 1
    return count <= limit
