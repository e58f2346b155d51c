"""Rewrite the site search's documents from every live page and profile."""

from django.core.management.base import BaseCommand

from search import documents


class Command(BaseCommand):
    help = (
        "Rewrite the site search's documents (search.SearchDocument) from every live page "
        "and profile: after a bulk import, or to repair the table."
    )

    def handle(self, *args, **options):
        log = (lambda line: self.stdout.write(line)) if options["verbosity"] > 1 else None
        count = documents.rebuild(log=log)
        if options["verbosity"]:
            self.stdout.write(self.style.SUCCESS(f"{count:,} search documents written."))
