"""Django's Redis cache, keeping one client per connection pool.

Django's `RedisCacheClient.get_client()` builds a new `redis.Redis` for every cache call.
The connections are pooled already, but each new client fills a table of about 165 reply
handlers: about 0.4 ms of Python per call, more than the round trip to Redis itself, and
most of what a page-cache hit costs (core.caching). A client only holds its pool and is
safe to share between threads, and the pool reconnects after a fork, so one per pool does.
Configured as `core.redis_cache.RedisCache`, with Django's options unchanged.

Every command also keeps core.faults' account of a cache outage: the first command that
finds Redis unreachable logs the outage (once), and the first that succeeds afterwards logs
its end, so the log says how long readers saw the 503 page.
"""

import functools

from django.core.cache.backends import redis

from core.faults import CACHE_DOWN, CACHE_OUTAGE

COMMANDS = (
    "add",
    "get",
    "set",
    "touch",
    "delete",
    "get_many",
    "has_key",
    "incr",
    "set_many",
    "delete_many",
    "clear",
)


def noticing_outages(command):
    @functools.wraps(command)
    def call(*args, **kwargs):
        try:
            result = command(*args, **kwargs)
        except CACHE_DOWN as error:
            CACHE_OUTAGE.begin(error)
            raise
        if CACHE_OUTAGE.since is not None:
            CACHE_OUTAGE.end()
        return result

    return call


class RedisCacheClient(redis.RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


for _name in COMMANDS:
    setattr(RedisCacheClient, _name, noticing_outages(getattr(redis.RedisCacheClient, _name)))


class RedisCache(redis.RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = RedisCacheClient
