"""Reading settings from the environment: each helper either returns a value or stops
start-up with an error that names the variable (base.py and production.py use them)."""

import os

import dj_database_url

from django.core.exceptions import ImproperlyConfigured


def env_bool(name: str, default: bool = False) -> bool:
    """Read a yes/no environment variable; anything unrecognised is an error that names it."""
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    lowered = value.strip().lower()
    if lowered in {"1", "true", "yes", "on"}:
        return True
    if lowered in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false (1/0, yes/no), not {value!r}.")


def env_list(name: str, default: str = "") -> list[str]:
    """Read a comma-separated environment variable as a list, ignoring blanks."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


# SQLite as an embedded production database: write-ahead logging so readers never wait for
# a writer, a busy timeout so writers queue instead of failing, and transactions that take
# the write lock when they start (IMMEDIATE) so two saves (an editor's Save and an autosave)
# wait their turn rather than colliding into "database is locked".
SQLITE_OPTIONS = {
    "init_command": ("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"),
    "timeout": 20,
    "transaction_mode": "IMMEDIATE",
}


def database_from_url(url: str, name: str = "DATABASE_URL") -> dict:
    """Turn a database URL into Django's settings, naming the variable when it is malformed."""
    try:
        config = dj_database_url.parse(url, conn_max_age=int(os.environ.get("CONN_MAX_AGE", "0")))
    except Exception as error:  # dj-database-url raises several kinds
        raise ImproperlyConfigured(
            f"{name} is not a database URL we understand: {error}"
        ) from error
    if config.get("ENGINE") not in {
        "django.db.backends.sqlite3",
        "django.db.backends.postgresql",
    }:
        raise ImproperlyConfigured(
            f"{name} must point at SQLite (sqlite:///path) or PostgreSQL (postgres://…)."
        )
    if config["ENGINE"] == "django.db.backends.sqlite3":
        config["OPTIONS"] = SQLITE_OPTIONS
    test_name = os.environ.get("TEST_DB_NAME")
    if test_name:
        config["TEST"] = {"NAME": test_name}
    return config


def search_backends_from_env() -> dict:
    """Wagtail's database backend by default (the site search then ranks from its own
    table, `search.ranking`); Elasticsearch or OpenSearch when `ELASTICSEARCH_URL` or
    `OPENSEARCH_URL` is set, as bakerydemo's production settings do. `SEARCH_BACKEND`
    names another backend module (e.g. `wagtail.search.backends.elasticsearch9`) for a
    different server version."""
    for variable, module in (
        ("ELASTICSEARCH_URL", "wagtail.search.backends.elasticsearch8"),
        ("OPENSEARCH_URL", "wagtail.search.backends.opensearch2"),
    ):
        url = os.environ.get(variable, "").strip()
        if url:
            return {
                "default": {
                    "BACKEND": os.environ.get("SEARCH_BACKEND") or module,
                    "URLS": [url],
                    "INDEX": os.environ.get("SEARCH_INDEX", "guerilla"),
                    "TIMEOUT": 5,
                    "OPTIONS": {},
                    "INDEX_SETTINGS": {},
                }
            }
    return {"default": {"BACKEND": "wagtail.search.backends.database"}}


def frontend_cache_from_env() -> dict:
    """Wagtail's frontend cache backends, each turned on by its variables (see the README):
    Varnish (or any cache that takes PURGE) at VARNISH_PURGE_URL, Cloudflare with
    CLOUDFLARE_ZONE_ID and CLOUDFLARE_BEARER_TOKEN, CloudFront with
    CLOUDFRONT_DISTRIBUTION_ID (boto3's own AWS credentials). core.purging calls them."""
    backends = {}
    varnish = os.environ.get("VARNISH_PURGE_URL", "").strip()
    if varnish:
        backends["varnish"] = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": varnish,
        }
    zone = os.environ.get("CLOUDFLARE_ZONE_ID", "").strip()
    if zone:
        backends["cloudflare"] = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
            "ZONEID": zone,
            "BEARER_TOKEN": os.environ.get("CLOUDFLARE_BEARER_TOKEN", ""),
        }
    distribution = os.environ.get("CLOUDFRONT_DISTRIBUTION_ID", "").strip()
    if distribution:
        backends["cloudfront"] = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
            "DISTRIBUTION_ID": distribution,
        }
    return backends


def env_seconds(name: str, default: float) -> float:
    """A number of seconds from the environment, or an error that names the variable."""
    value = os.environ.get(name, "").strip()
    try:
        seconds = float(value) if value else default
    except ValueError:
        seconds = -1
    if seconds <= 0:
        raise ImproperlyConfigured(f"{name} must be a positive number of seconds, not {value!r}.")
    return seconds


def redis_cache(url: str) -> dict:
    """The shared cache at `url`. A Redis that is down or unreachable fails each command
    within a second or two (REDIS_CONNECT_TIMEOUT, REDIS_TIMEOUT), so pages answer the
    plain 503 (core.faults) at once instead of waiting on the network."""
    return {
        "BACKEND": "core.redis_cache.RedisCache",
        "LOCATION": url,
        "OPTIONS": {
            "socket_connect_timeout": env_seconds("REDIS_CONNECT_TIMEOUT", 1),
            "socket_timeout": env_seconds("REDIS_TIMEOUT", 2),
        },
    }


def require(name: str) -> str:
    """Return a required environment variable, or stop start-up naming it."""
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(f"The environment variable {name} is required in production.")
    return value
