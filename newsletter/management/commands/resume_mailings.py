"""Carry on mailings a stopped worker left unfinished. Safe to run at any time (cron)."""

from django.core.management.base import BaseCommand

from newsletter.sending import resume_mailings


class Command(BaseCommand):
    help = "Queue the rest of every unfinished roundup mailing (after a worker stopped)."

    def handle(self, *args, **options):
        for mailing in resume_mailings():
            self.stdout.write(f"Resumed: {mailing.roundup.title}")
