"""WSGI entry: `gunicorn --chdir site wsgi:application` (site/ is the import root)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings.production")
application = get_wsgi_application()
