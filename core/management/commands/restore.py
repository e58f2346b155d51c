from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core.backups import restore_backup


class Command(BaseCommand):
    help = (
        "Replace the database and the uploaded media with those in a backup archive. "
        "Stop the app servers and the task worker first."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path, help="An archive made by `manage.py backup`.")
        parser.add_argument(
            "--no-input", action="store_false", dest="interactive", help="Do not ask to confirm."
        )

    def handle(self, *args, archive: Path, interactive: bool = True, **options):
        if not archive.is_file():
            raise CommandError(f"No backup archive at {archive}.")
        if interactive:
            answer = input(f"Replace this site's database and media with {archive}? [y/N] ")
            if answer.strip().lower() not in {"y", "yes"}:
                raise CommandError("Nothing restored.")
        manifest = restore_backup(archive)
        self.stdout.write(f"Restored the backup made at {manifest['made_at']} from {archive}")
