from datetime import datetime
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from core.backups import make_backup


class Command(BaseCommand):
    help = (
        "Save the database and the uploaded media in one archive (backups/ by default). "
        "Safe while the site runs."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            type=Path,
            help="Where to write the archive (default: backups/guerilla-<date-time>.tar.gz).",
        )

    def handle(self, *args, output: Path | None = None, **options):
        if output is None:
            stamp = datetime.now().strftime("%Y%m%d-%H%M%S")  # noqa: DTZ005 (local file name)
            output = Path(settings.BASE_DIR) / "backups" / f"guerilla-{stamp}.tar.gz"
        manifest = make_backup(output)
        media = "with media" if manifest["media"] else "without media (not local files)"
        self.stdout.write(f"Backed up the database {media} to {output}")
