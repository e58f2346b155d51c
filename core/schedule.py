"""Missed schedule: pages whose scheduled publication time has passed but are not published.

Wagtail publishes scheduled pages only when `manage.py publish_scheduled` runs.
If that job stops, nothing else notices; this finds what it should have done.

A page is "missed" only once settings.MISSED_SCHEDULE_GRACE has passed after its time:
the job runs every few minutes, so a page due a minute ago is simply waiting for its
next run (the grace is the job's interval plus a minute for it to run; README).
"""

from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.utils import timezone

from wagtail.models import Page, Revision


@dataclass(frozen=True)
class MissedPage:
    page: Page
    due: datetime


def missed_schedule(now: datetime | None = None) -> list[MissedPage]:
    """Pages with a revision approved to go live more than the grace period before `now`,
    oldest first (two queries): revisions `publish_scheduled` should have published by now.
    """
    now = (now or timezone.now()) - settings.MISSED_SCHEDULE_GRACE
    due_by_id: dict[int, datetime] = {}
    for object_id, due in Revision.page_revisions.filter(approved_go_live_at__lt=now).values_list(
        "object_id", "approved_go_live_at"
    ):
        due_by_id[int(object_id)] = due
    pages = Page.objects.filter(pk__in=due_by_id)
    return sorted(
        (MissedPage(page=page, due=due_by_id[page.pk]) for page in pages),
        key=lambda missed: (missed.due, missed.page.pk),
    )
