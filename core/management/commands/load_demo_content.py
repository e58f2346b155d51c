"""Load the demo site: accounts, home page and each app's share of the seed content.

Each project app may have a `demo.py` with `load(loader)`; they run in
INSTALLED_APPS order (people before the roundups that quote them). Every part
is idempotent: running the command twice changes nothing and duplicates nothing.
"""

import secrets

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

from core.discovery import app_modules
from core.roles import setup_roles


class Command(BaseCommand):
    help = "Set up the demo site, its content and the admin, editor and guest accounts."

    def add_arguments(self, parser):
        parser.add_argument(
            "--password",
            help="Password for the demo accounts. Without it, new accounts get a random one "
            "(printed) and existing accounts keep theirs.",
        )
        parser.add_argument(
            "--site-address",
            help="The address the demo is served at, e.g. http://127.0.0.1:8000 (`make run` "
            "passes its HOST and PORT). The default Site takes its host name and port, so "
            "canonical links, feeds, the sitemap and emails point at it. Defaults to "
            "WAGTAILADMIN_BASE_URL.",
        )

    def handle(self, *args, password=None, site_address=None, **options):
        self.password = password
        self.site_address = site_address or settings.WAGTAILADMIN_BASE_URL
        self.generated_password = None
        if password is None:
            self.generated_password = secrets.token_urlsafe(12)
        with transaction.atomic():
            setup_roles()
            for module in app_modules("demo"):
                module.load(self)
            setup_roles()  # sections created by the demo get their page permissions
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))

    def log(self, message: str) -> None:
        """One line of progress, indented under the app that prints it."""
        self.stdout.write(f"  {message}")
