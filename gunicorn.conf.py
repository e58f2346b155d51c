"""gunicorn's settings for production: `gunicorn -c gunicorn.conf.py` from the checkout.

Each can be changed from the environment without editing this file:
GUNICORN_BIND (default 127.0.0.1:8000, for a reverse proxy on the same machine),
WEB_CONCURRENCY (worker processes, default two per core plus one, at most 9),
GUNICORN_TIMEOUT (seconds a request may take, default 30),
GUNICORN_MAX_REQUESTS (answers before a worker is replaced by a fresh one, default 20,000).
"""

import multiprocessing
import os

# site/ is the import root: the project's modules import as `settings`, `urls`, `wsgi`.
pythonpath = "site"
wsgi_app = "wsgi:application"
raw_env = [
    "DJANGO_SETTINGS_MODULE=" + os.environ.get("DJANGO_SETTINGS_MODULE", "settings.production")
]

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", min(multiprocessing.cpu_count() * 2 + 1, 9)))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
keepalive = 5
# Recycle workers now and then so a slow leak never grows for weeks. Not too often: a new
# worker imports the whole site (a second or more of CPU), which at a page cache's rate of
# a thousand answers a second would cost more than the answers themselves.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "20000"))
max_requests_jitter = max_requests // 10
# Heartbeat files in memory rather than on a possibly slow disk.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None  # noqa: S108

# The proxy's X-Forwarded-Proto is believed from these addresses only (the scheme decides
# HTTPS redirects and secure cookies). Client addresses: TRUSTED_PROXY_COUNT (settings).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")

accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
