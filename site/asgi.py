"""ASGI entry, for servers that speak ASGI (site/ is the import root)."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings.production")
application = get_asgi_application()
