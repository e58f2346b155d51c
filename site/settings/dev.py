"""Local development: debug on, mail to the console, a fixed key for this checkout only."""

import os

from .base import *  # noqa: F403
from .environment import env_bool

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = os.environ.get("SECRET_KEY") or "dev-only-key-never-used-in-production"  # noqa: S105
ALLOWED_HOSTS = ["*"]
# Mail is queued like production's; the worker `make run` starts prints it (unless
# EMAIL_BACKEND names another, such as SMTP to a local mail catcher).
EMAIL_DELIVERY_BACKEND = os.environ.get(
    "EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Development tooling (manage.py search_benchmark); never installed in production.
INSTALLED_APPS = [*INSTALLED_APPS, "benchmarks"]  # noqa: F405
