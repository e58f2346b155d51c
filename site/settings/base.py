"""Settings shared by every environment.

Safe for production on its own: DEBUG is off, and secrets and hosts come from
the environment. `dev`, `test` and `production` only override.
"""

import os
from datetime import timedelta
from pathlib import Path

from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE

from .environment import (
    database_from_url,
    env_bool,
    env_list,
    frontend_cache_from_env,
    redis_cache,
    search_backends_from_env,
)
from .object_store import s3_media_origin, s3_media_storage

# site/settings/base.py -> the checkout
BASE_DIR = Path(__file__).resolve().parent.parent.parent
SITE_DIR = BASE_DIR / "site"


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Our apps, in the order their demo content loads.
    "core",
    "home",
    "people",
    "essays",
    "roundups",
    "guests",
    "search",
    # Readers' comments on paragraphs and editors' answers. It sits below the content apps
    # in imports; it is listed last because its demo comments need the demo essays.
    "drafting",
    "newsletter",
    # The WordPress importer (manage.py import_wordpress): above the content apps.
    "wordpress",
    # Wagtail
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.table_block",
    "wagtail.contrib.search_promotions",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "wagtail_modeladmin",
    "modelcluster",
    "taggit",
    "axes",
    # Background work: Django's tasks API (django_tasks) and its database queue.
    "django_tasks",
    "django_tasks_db",
    "csp",
    # Django
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    # /healthz first: load balancers ask by address over plain HTTP (see core.health).
    "core.health.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Cache-Control, ETag and 304s, and the page cache, outside everything that reads the
    # session or the database (core.caching); outside CSP so a stored page keeps its header.
    "core.caching.PageCacheMiddleware",
    # Content-Security-Policy and Permissions-Policy (core.security).
    "core.security.SiteCSPMiddleware",
    "core.security.PermissionsPolicyMiddleware",
    # Static files straight after the security headers, before sessions and the database.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # NUL bytes and unreadable forms are refused here, once, for every view (core.faults).
    "core.faults.BadInputMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # WordPress's short addresses (/?p=123) after an import (see wordpress/middleware.py).
    "wordpress.middleware.WordPressShortLinkMiddleware",
    # Keeps guest bloggers inside their own drafts in the admin (see guests/middleware.py).
    "guests.middleware.GuestAdminBoundaryMiddleware",
    # Last, so it sees the outcome of every login attempt (django-axes).
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [SITE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "wsgi.application"

DATABASES = {
    "default": database_from_url(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}"
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"


# The cache is where processes agree: rate limits, the blogger directory's address. With
# REDIS_URL every worker and server shares it (production requires it); without, each
# process has its own, which is right only for one process (development, tests).
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {"default": redis_cache(REDIS_URL)}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# HTTP caching (core.caching). Public pages for readers without a session may be kept by
# browsers for CACHE_MAX_AGE seconds and by shared caches (Varnish, a CDN, the page cache)
# for CACHE_S_MAXAGE, since publishing purges them (core.purging). Paths under
# CACHE_PRIVATE_PATHS are never shared.
CACHE_MAX_AGE = int(os.environ.get("CACHE_MAX_AGE", "60"))
CACHE_S_MAXAGE = int(os.environ.get("CACHE_S_MAXAGE", "3600"))
CACHE_PRIVATE_PATHS = ["/admin/", "/guests/", "/drafting/", "/newsletter/"]
# Searches are counted for editors (Reports) in the cache and written this many at a time.
SEARCH_HITS_BATCH = int(os.environ.get("SEARCH_HITS_BATCH", "10"))
# The application's own page cache, in CACHES["default"] (PAGE_CACHE=true).
PAGE_CACHE = env_bool("PAGE_CACHE", False)
# Edge caches purged on publish (core.purging). wagtail.contrib.frontend_cache is not an
# installed app: its own publish handler would purge the page alone, inside the request.
WAGTAILFRONTENDCACHE = frontend_cache_from_env()

# How many reverse proxies in front of the site append to X-Forwarded-For. 0 (the default)
# trusts no header and uses the connection's address; behind one nginx, 1. Used by every
# per-address limit: the suggestion form and django-axes (see core.net).
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))

# Background work (Django's tasks API): queued in the database, run by `manage.py db_worker`.
# Failed tasks are retried TASK_MAX_ATTEMPTS times in all, waiting TASK_RETRY_DELAY seconds
# doubled at each attempt (core.tasks); Reports › Background tasks lists what failed.
TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": ["default"],
    }
}
TASK_MAX_ATTEMPTS = int(os.environ.get("TASK_MAX_ATTEMPTS", "5"))
TASK_RETRY_DELAY = int(os.environ.get("TASK_RETRY_DELAY", "30"))

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# The site is British.
LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True
WAGTAIL_I18N_ENABLED = False
WAGTAILADMIN_PERMITTED_LANGUAGES = [("en-gb", "British English")]

# Static files: `manage.py collectstatic` (part of scripts/deploy.sh) writes them, hashed and
# compressed, to STATIC_ROOT, and the app serves them itself through whitenoise.
STATICFILES_DIRS = [SITE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static_collected"))
STATIC_URL = "/static/"

# Media (uploaded images and documents): local files in MEDIA_ROOT, which the app serves at
# /media/ (core.views.serve_media) unless SERVE_MEDIA is off because a reverse proxy does;
# or, when AWS_STORAGE_BUCKET_NAME is set, any S3-compatible object store, which every app
# server shares and which serves the files itself.
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
if AWS_STORAGE_BUCKET_NAME:
    MEDIA_STORAGE = s3_media_storage(AWS_STORAGE_BUCKET_NAME)
    SERVE_MEDIA = False
else:
    MEDIA_STORAGE = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    SERVE_MEDIA = env_bool("SERVE_MEDIA", True)
STORAGES = {
    "default": MEDIA_STORAGE,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Hashed names never change, so browsers and CDNs may keep them for a year (whitenoise's
# default); anything unhashed is kept for a minute.
WHITENOISE_MAX_AGE = 60

# Email: every message is queued as a task (core.mail) and the worker hands it to
# EMAIL_DELIVERY_BACKEND: SMTP from the environment; dev overrides with the console.
EMAIL_BACKEND = "core.mail.TaskEmailBackend"
EMAIL_DELIVERY_BACKEND = os.environ.get(
    "EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend"
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL", "Guerilla Policy <editors@guerillapolicy.org>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# A mail provider's API instead of SMTP, through django-anymail (pip install django-anymail):
# EMAIL_BACKEND=anymail.backends.mailgun.EmailBackend (or .postmark, .sendgrid, .amazon_ses …)
# with ANYMAIL_<PROVIDER>_API_KEY (e.g. ANYMAIL_MAILGUN_API_KEY) set; see the README.
if os.environ.get("EMAIL_BACKEND", "").startswith("anymail."):
    INSTALLED_APPS.append("anymail")
    ANYMAIL = {
        key.removeprefix("ANYMAIL_"): value
        for key, value in os.environ.items()
        if key.startswith("ANYMAIL_")
    }

# The roundup by email (newsletter/conf.py has the defaults).
NEWSLETTER_SEND_ON_PUBLISH = env_bool("NEWSLETTER_SEND_ON_PUBLISH", False)
NEWSLETTER_BATCH_SIZE = int(os.environ.get("NEWSLETTER_BATCH_SIZE", "200"))
NEWSLETTER_RATE_PER_SECOND = float(os.environ.get("NEWSLETTER_RATE_PER_SECOND", "10"))
NEWSLETTER_STALE_AFTER_SECONDS = int(os.environ.get("NEWSLETTER_STALE_AFTER_SECONDS", "600"))
NEWSLETTER_FROM_EMAIL = os.environ.get("NEWSLETTER_FROM_EMAIL", "")

# Security defaults that cost nothing behind HTTPS; production turns on the rest.
# No script reads the CSRF cookie (Wagtail's admin takes the token from the page).
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
# No other site may frame ours; Wagtail's preview panel overrides it to same-origin.
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# Content-Security-Policy (core.security). Images and media may come from the object store
# (its origin worked out as django-storages will address it, settings.object_store) and any
# origins listed in CSP_MEDIA_ORIGINS; essays embed video from those in CSP_FRAME_SRC.
MEDIA_ORIGINS = [
    origin if "//" in origin else f"https://{origin}" for origin in env_list("CSP_MEDIA_ORIGINS")
]
if AWS_STORAGE_BUCKET_NAME:
    MEDIA_ORIGINS.append(s3_media_origin(MEDIA_STORAGE))
MEDIA_ORIGINS = list(dict.fromkeys(MEDIA_ORIGINS))
EMBED_ORIGINS = env_list(
    "CSP_FRAME_SRC",
    "https://www.youtube.com,https://www.youtube-nocookie.com,https://player.vimeo.com",
)
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, NONCE],
        "img-src": [SELF, "data:", *MEDIA_ORIGINS],
        "media-src": [SELF, *MEDIA_ORIGINS],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-src": EMBED_ORIGINS or [NONE],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:", *MEDIA_ORIGINS],
        "media-src": [SELF, *MEDIA_ORIGINS],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "frame-src": [SELF, *EMBED_ORIGINS],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        # The preview panel frames the admin's own preview pages.
        "frame-ancestors": [SELF],
    },
}
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
        "browsing-topics",
    )
}
# Avatars from the site itself, not a third party that would learn who edits.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# Uploads: refuse what no editor needs, before it reaches Pillow.
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
# Also refuses damaged or truncated images with a message instead of a server error.
WAGTAILIMAGES_IMAGE_FORM_BASE = "core.forms.CheckedImageForm"

# Login throttling (django-axes): after 5 failures an account, and separately an address,
# must wait 15 minutes; the admin login page says so. The backend needs the request.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "core/login_locked_out.html"
# The same client address as the suggestion form's limit (TRUSTED_PROXY_COUNT).
AXES_CLIENT_IP_CALLABLE = "core.net.client_ip"

# Wagtail
WAGTAIL_SITE_NAME = "Guerilla Policy"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = search_backends_from_env()
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "key", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"quiet_outage": {"()": "core.faults.QuietOutage"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["quiet_outage"]}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    "loggers": {
        # A database or cache outage is logged once by core.faults, not per request.
        "django.request": {"filters": ["quiet_outage"]},
    },
}


# Networks the link reader (core.fetching) may reach although they are not public: none.
# Only tests list loopback here, to serve their fixture pages.
LINK_FETCH_ALLOWED_NETWORKS: list[str] = []

# Scheduled publishing: `manage.py publish_scheduled` runs every
# PUBLISH_SCHEDULED_INTERVAL_MINUTES (cron; README). A page counts as having missed its
# schedule (check_schedule, the dashboard) only when that interval and a minute more have
# passed since its time, so monitoring does not trip on every scheduled publication.
PUBLISH_SCHEDULED_INTERVAL_MINUTES = int(os.environ.get("PUBLISH_SCHEDULED_INTERVAL_MINUTES", "5"))
MISSED_SCHEDULE_GRACE = timedelta(minutes=PUBLISH_SCHEDULED_INTERVAL_MINUTES + 1)
