"""Carry on mailings a stopped worker left unfinished. Safe to run at any time, and from
cron every few minutes: a mailing still being sent is left to its worker."""

from django.core.management.base import BaseCommand

from newsletter.sending import resume_mailings


class Command(BaseCommand):
    help = "Queue the rest of every unfinished roundup mailing (after a worker stopped)."

    def handle(self, *args, **options):
        resumed = resume_mailings()
        for mailing in resumed:
            self.stdout.write(f"Resumed: {mailing.roundup.title}")
        if not resumed:
            self.stdout.write("Nothing to resume: every mailing has finished or is still sending.")
