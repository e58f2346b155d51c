"""Drafts left behind: pages someone started (autosave creates them as soon as a field is
typed) but never published, never sent for moderation and not touched for a day."""

from datetime import timedelta

from django.utils import timezone

from wagtail.models import Page, WorkflowState

ABANDONED_AFTER = timedelta(days=1)


def abandoned_drafts(user, now=None, limit: int = 20) -> list[Page]:
    """`user`'s never-published pages untouched for ABANDONED_AFTER, oldest first (two
    queries): what the dashboard offers to finish or delete."""
    now = now or timezone.now()
    in_moderation = {
        int(object_id)
        for object_id in WorkflowState.objects.active().values_list("object_id", flat=True)
    }
    pages = (
        Page.objects.filter(
            owner=user,
            live=False,
            first_published_at__isnull=True,
            latest_revision_created_at__lt=now - ABANDONED_AFTER,
        )
        .exclude(pk__in=in_moderation)
        .order_by("latest_revision_created_at", "pk")
    )
    return list(pages[:limit])
