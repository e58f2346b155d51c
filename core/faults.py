"""Faults answered plainly instead of with a traceback: input the database cannot hold, and a
database or cache that is down.

- `BadInputMiddleware`: a NUL byte anywhere a view could pass on to the database (path,
  query, form fields, cookies, headers), or a body that cannot be parsed, is refused with
  400 (404 in the path) in this one place, before any view sees it. PostgreSQL refuses NUL
  in text, so without this any view that filters by a parameter answered 500.
- `server_error` (handler500): when the error is the database or the cache (Redis) being
  unreachable, a plain 503 page with Retry-After, which needs neither of them nor a
  template that queries. Each outage is logged once when it starts and once when it ends
  (`Outage`); the filter `QuietOutage` keeps Django from logging a traceback per request
  meanwhile. Nothing needs restarting: Django drops a broken database connection after the
  request and the next one connects afresh (CONN_HEALTH_CHECKS checks reused connections
  first); the Redis client reconnects on its next command (core.redis_cache notices the
  cache's return). Connection timeouts (production settings) make an unreachable host
  answer 503 in seconds instead of holding the worker until gunicorn's own timeout.
"""

import logging
import sys
import threading
import time

from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from django.core.exceptions import SuspiciousOperation
from django.db import InterfaceError, OperationalError
from django.db.backends.signals import connection_created
from django.dispatch import receiver
from django.http import (
    HttpRequest,
    HttpResponse,
    HttpResponseBadRequest,
    HttpResponseNotFound,
    HttpResponseServerError,
)
from django.http.multipartparser import MultiPartParserError
from django.template import loader

logger = logging.getLogger(__name__)

DATABASE_DOWN = (OperationalError, InterfaceError)
# Redis refusing connections or not answering within the cache's socket timeouts.
CACHE_DOWN = (RedisConnectionError, RedisTimeoutError)
RETRY_AFTER_SECONDS = 30
NUL = "\x00"


def has_nul(values) -> bool:
    return any(NUL in value for value in values)


def querydict_has_nul(data) -> bool:
    return any(NUL in key or has_nul(data.getlist(key)) for key in data)


class BadInputMiddleware:
    """Refuses input no page can use before it reaches a view or the database."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        if NUL in request.path:
            return HttpResponseNotFound("Not found.", content_type="text/plain; charset=utf-8")
        problem = self.problem(request)
        if problem:
            return HttpResponseBadRequest(problem, content_type="text/plain; charset=utf-8")
        return self.get_response(request)

    def problem(self, request: HttpRequest) -> str:
        """What is wrong with the request, or "" when nothing is."""
        if querydict_has_nul(request.GET):
            return "The address contains a character that is not allowed."
        if has_nul(request.COOKIES.values()) or has_nul(
            value for key, value in request.META.items() if key.startswith("HTTP_")
        ):
            return "A header contains a character that is not allowed."
        if request.method in {"POST", "PUT", "PATCH"}:
            try:
                if querydict_has_nul(request.POST):
                    return "The form contains a character that is not allowed."
            except (MultiPartParserError, SuspiciousOperation):
                return "The form could not be read."
        return ""


class Outage:
    """When this process first saw a service (the database, the cache) down, so that an
    outage is logged once when it starts and once when it ends, not once per request."""

    def __init__(self, service: str):
        self.service = service
        self.lock = threading.Lock()
        self.since: float | None = None

    def begin(self, error: BaseException) -> None:
        with self.lock:
            if self.since is not None:
                return
            self.since = time.monotonic()
        logger.error(
            "%s unavailable (%s): answering 503 until it is back.",
            self.service,
            str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__,
        )

    def end(self) -> None:
        with self.lock:
            if self.since is None:
                return
            seconds = time.monotonic() - self.since
            self.since = None
        logger.warning("%s back after %.1f s.", self.service, seconds)


DATABASE_OUTAGE = Outage("Database")
CACHE_OUTAGE = Outage("Cache")


def outage_for(error: BaseException | None) -> Outage | None:
    """The outage an exception shows, or None when it is an ordinary error."""
    if isinstance(error, DATABASE_DOWN):
        return DATABASE_OUTAGE
    if isinstance(error, CACHE_DOWN):
        return CACHE_OUTAGE
    return None


@receiver(connection_created)
def database_reachable(sender, connection, **kwargs) -> None:
    DATABASE_OUTAGE.end()


def service_unavailable(service: str = "database") -> HttpResponse:
    """The plain 503 page: no database, no cache, no template that queries either."""
    response = HttpResponse(loader.render_to_string("503.html", {"service": service}), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def server_error(request, template_name: str = "500.html") -> HttpResponse:
    """handler500: 503 while the database or the cache is down, otherwise the plain 500."""
    error = sys.exc_info()[1]
    outage = outage_for(error)
    if outage is not None:
        outage.begin(error)
        return service_unavailable(outage.service.lower())
    return HttpResponseServerError(loader.render_to_string(template_name))


class QuietOutage(logging.Filter):
    """Drops Django's per-request traceback for an outage of the database or the cache
    (each logged once by its Outage)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not (record.exc_info and outage_for(record.exc_info[1]) is not None)
