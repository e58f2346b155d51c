"""/healthz for load balancers and monitoring: is this app server able to serve?

Checks the database (a query), the cache (a write and a read) and media storage (a file
written and deleted), and answers 200 when all three work, otherwise 503 naming the parts
that failed. It says nothing else (no versions, hosts or error messages: those go to the
log). It is answered first in the middleware chain, so a load balancer asking over plain
HTTP by the server's address is neither redirected to HTTPS nor refused for its host name.
"""

import json
import logging
import uuid

from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.http import HttpResponse

logger = logging.getLogger(__name__)

HEALTH_PATH = "/healthz"


def check_database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def check_cache() -> None:
    key, value = f"healthz:{uuid.uuid4().hex}", uuid.uuid4().hex
    cache.set(key, value, 30)
    if cache.get(key) != value:
        raise RuntimeError("the cache did not return what was written")
    cache.delete(key)


def check_media() -> None:
    name = default_storage.save(f"healthz/{uuid.uuid4().hex}.txt", ContentFile(b"ok"))
    default_storage.delete(name)


CHECKS = {"database": check_database, "cache": check_cache, "media": check_media}


def health() -> dict[str, str]:
    """Each part's state, "ok" or "failing"; the reason goes to the log only."""
    states = {}
    for part, check in CHECKS.items():
        try:
            check()
        except Exception as error:  # any failure of the part is the answer, not our error
            # One line, no traceback: a load balancer asks every few seconds.
            logger.warning("Health check: %s failing (%s)", part, type(error).__name__)
            states[part] = "failing"
        else:
            states[part] = "ok"
    return states


class HealthCheckMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path != HEALTH_PATH or request.method not in {"GET", "HEAD"}:
            return self.get_response(request)
        states = health()
        healthy = all(state == "ok" for state in states.values())
        response = HttpResponse(
            json.dumps({"status": "ok" if healthy else "failing", **states}),
            status=200 if healthy else 503,
            content_type="application/json",
        )
        response["Cache-Control"] = "no-store"
        return response
