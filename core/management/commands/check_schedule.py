from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from core.schedule import missed_schedule


class Command(BaseCommand):
    help = (
        "Report pages whose scheduled publication time has passed but which are not "
        "published (is `manage.py publish_scheduled` running?). Exits non-zero when any are."
    )

    def handle(self, *args, **options):
        missed = missed_schedule()
        if not missed:
            self.stdout.write(self.style.SUCCESS("No missed schedules."))
            return
        for item in missed:
            due = timezone.localtime(item.due).strftime("%-d %B %Y %H:%M")
            what = "its scheduled changes were due" if item.page.live else "it was due to go live"
            self.stderr.write(
                f"Missed schedule: “{item.page.get_admin_display_title()}” (id {item.page.pk}): "
                f"{what} at {due}"
            )
        raise CommandError(
            f"{len(missed)} page(s) missed their scheduled publication. "
            "Run `manage.py publish_scheduled` and check its cron job."
        )
