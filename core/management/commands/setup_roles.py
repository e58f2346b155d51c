from django.core.management.base import BaseCommand

from core.roles import setup_roles


class Command(BaseCommand):
    help = "Create or update the Editors and Guest bloggers groups and their permissions."

    def handle(self, *args, **options):
        editors, guests = setup_roles()
        self.stdout.write(self.style.SUCCESS(f"Roles ready: {editors.name}, {guests.name}."))
