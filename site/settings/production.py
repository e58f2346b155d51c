"""Production: everything required comes from the environment, or start-up stops naming it."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .environment import env_bool, env_list, env_seconds, redis_cache, require

SECRET_KEY = require("SECRET_KEY")
# Django's own check (security.W009) asks for 50 characters or more; a shorter key is
# refused here, before anything is signed with it.
SECRET_KEY_MIN_LENGTH = 50
if len(SECRET_KEY) < SECRET_KEY_MIN_LENGTH:
    raise ImproperlyConfigured(
        f"SECRET_KEY must be at least {SECRET_KEY_MIN_LENGTH} random characters in production "
        f"(it has {len(SECRET_KEY)}); make one with: python3 -c 'import secrets; "
        "print(secrets.token_urlsafe(50))'"
    )
require("DATABASE_URL")
# Reuse connections for a minute, checking each before use, so a restarted database costs
# one failed check rather than an error page.
DATABASES["default"]["CONN_MAX_AGE"] = int(os.environ.get("CONN_MAX_AGE", "60"))  # noqa: F405
DATABASES["default"]["CONN_HEALTH_CHECKS"] = env_bool("CONN_HEALTH_CHECKS", True)  # noqa: F405
# An unreachable PostgreSQL host (a dead server drops packets rather than refusing) fails
# the connection within DATABASE_CONNECT_TIMEOUT seconds, so readers get the 503 page
# (core.faults) instead of waiting for gunicorn to kill the worker. libpq takes whole
# seconds, 2 at least.
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":  # noqa: F405
    DATABASES["default"].setdefault("OPTIONS", {})["connect_timeout"] = max(  # noqa: F405
        2, round(env_seconds("DATABASE_CONNECT_TIMEOUT", 5))
    )
# Every worker and server must see the same rate limits and cached addresses.
CACHES = {"default": redis_cache(require("REDIS_URL"))}
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured(
        "The environment variable ALLOWED_HOSTS is required in production "
        "(comma-separated host names)."
    )
DEBUG = env_bool("DEBUG", False)
WAGTAILADMIN_BASE_URL = require("WAGTAILADMIN_BASE_URL")

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
# Browsers keep to HTTPS for a year, on every subdomain too; each can be turned down from
# the environment (e.g. SECURE_HSTS_INCLUDE_SUBDOMAINS=false while a subdomain is HTTP).
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(365 * 24 * 3600)))  # noqa: F405
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
# /healthz is asked over plain HTTP by load balancers.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
