"""Tests: fast hashing, plain static files, mail kept in memory."""

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Tasks run at once, inside the request or test that enqueues them.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    # Plain storage: tests render templates without running collectstatic first.
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WAGTAILADMIN_BASE_URL = "http://testserver"
# Login throttling is off (and the test client's login() works) except in the tests of it.
AXES_ENABLED = False
AUTHENTICATION_BACKENDS = ["django.contrib.auth.backends.ModelBackend"]
# Static files from the apps' folders, as in development: no collectstatic before tests.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Mailings go as fast as the in-memory backend takes them.
NEWSLETTER_RATE_PER_SECOND = 0

# The benchmark command is development tooling; its smoke test runs here.
INSTALLED_APPS = [*INSTALLED_APPS, "benchmarks"]  # noqa: F405
# Tests see every change at once; the page cache's own tests turn it on.
PAGE_CACHE = False
# Every search is written at once, except in the test of batching.
SEARCH_HITS_BATCH = 1
