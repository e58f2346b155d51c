"""manage.py import_wordpress FILE.xml [--dry-run] [--media-dir DIR] [--parent PAGE]"""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from wagtail.models import Page

from wordpress.importer import run_import
from wordpress.wxr import WxrError


class Command(BaseCommand):
    help = (
        "Import a WordPress export (Tools › Export, WXR 1.2): posts become essays, series "
        "parts and roundups, pages become content pages, with images, comments and "
        "redirects from the old addresses. Safe to run again: unchanged posts are left "
        "alone, changed ones get a new revision."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The export file (.xml).")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Do everything and print the report, then undo it all.",
        )
        parser.add_argument(
            "--media-dir",
            help="A copy of the site's wp-content/uploads folder. Images are read only "
            "from here, never downloaded.",
        )
        parser.add_argument(
            "--parent",
            help="The page (id or address path, e.g. /about-us/) to put WordPress pages "
            "under. Defaults to the home page.",
        )

    def handle(self, *args, **options):
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"There is no file at {path}.")
        media_dir = Path(options["media_dir"]) if options["media_dir"] else None
        if media_dir is not None and not media_dir.is_dir():
            raise CommandError(f"There is no folder at {media_dir}.")
        parent = self.parent_page(options["parent"]) if options["parent"] else None
        progress = self.progress if options["verbosity"] > 0 else None
        try:
            report = run_import(
                path,
                media_dir=media_dir,
                parent=parent,
                dry_run=options["dry_run"],
                progress=progress,
            )
        except WxrError as error:
            raise CommandError(str(error)) from error
        if progress is not None:
            sys.stderr.write("\n")
        if options["dry_run"]:
            self.stdout.write("Dry run: nothing was saved. This is what an import would do:")
        for line in report.lines():
            self.stdout.write(line)

    @staticmethod
    def parent_page(value: str) -> Page:
        page = (
            Page.objects.filter(pk=int(value)).first()
            if value.isdigit()
            else Page.objects.filter(url_path__endswith="/" + value.strip("/") + "/")
            .order_by("depth")
            .first()
        )
        if page is None:
            raise CommandError(f"No page matches --parent {value}.")
        if not page.specific_class.allowed_subpage_models() or not any(
            model.__name__ == "ContentPage"
            for model in page.specific_class.allowed_subpage_models()
        ):
            raise CommandError(f"Content pages cannot go under “{page.title}”.")
        return page.specific

    @staticmethod
    def progress(done: int, total: int) -> None:
        if done % 50 and done != total:
            return
        width = 30
        filled = width * done // max(total, 1)
        sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} items")
        sys.stderr.flush()
