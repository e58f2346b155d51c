"""Faults answered plainly instead of with a traceback: input the database cannot hold, and a
database that is down.

- `BadInputMiddleware`: a NUL byte anywhere a view could pass on to the database (path,
  query, form fields, cookies, headers), or a body that cannot be parsed, is refused with
  400 (404 in the path) in this one place, before any view sees it. PostgreSQL refuses NUL
  in text, so without this any view that filters by a parameter answered 500.
- `server_error` (handler500): when the error is the database being unreachable, a plain
  503 page with Retry-After, which needs neither the database nor a template that queries.
  The outage is logged once when it starts and once when it ends (`Outage`); the filter
  `QuietDatabaseOutage` keeps Django from logging a traceback per request meanwhile.
  Nothing needs restarting: Django drops the broken connection after the request and the
  next one connects afresh (CONN_HEALTH_CHECKS checks reused connections first).
"""

import logging
import sys
import threading
import time

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
    """When this process first saw the database down, so an outage is logged once."""

    lock = threading.Lock()
    since: float | None = None

    @classmethod
    def begin(cls, error: BaseException) -> None:
        with cls.lock:
            if cls.since is not None:
                return
            cls.since = time.monotonic()
        logger.error(
            "Database unavailable (%s): answering 503 until it is back.",
            str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__,
        )

    @classmethod
    def end(cls) -> None:
        with cls.lock:
            if cls.since is None:
                return
            seconds = time.monotonic() - cls.since
            cls.since = None
        logger.warning("Database back after %.1f s.", seconds)


@receiver(connection_created)
def database_reachable(sender, connection, **kwargs) -> None:
    Outage.end()


def database_unavailable(request=None) -> HttpResponse:
    response = HttpResponse(loader.render_to_string("503.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def server_error(request, template_name: str = "500.html") -> HttpResponse:
    """handler500: 503 while the database is down, otherwise the plain 500 page."""
    error = sys.exc_info()[1]
    if isinstance(error, DATABASE_DOWN):
        Outage.begin(error)
        return database_unavailable(request)
    return HttpResponseServerError(loader.render_to_string(template_name))


class QuietDatabaseOutage(logging.Filter):
    """Drops Django's per-request traceback for a database outage (logged once by Outage)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not (record.exc_info and isinstance(record.exc_info[1], DATABASE_DOWN))
