"""Drafts left behind: pages someone started (autosave creates them as soon as a field is
typed) but never published, never sent for moderation and not touched for a day.

People who can publish see everyone's, with who left them: a draft an editor abandoned
still holds its roundup's week, and the next editor to try that week has to be able to
find it. Guests, who cannot publish, see only their own.
"""

from datetime import timedelta

from django.utils import timezone

from wagtail.models import Page, WorkflowState
from wagtail.permission_policies.pages import PagePermissionPolicy

ABANDONED_AFTER = timedelta(days=1)


def sees_everyones_drafts(user) -> bool:
    return PagePermissionPolicy().user_has_permission(user, "publish")


def abandoned_drafts(user, now=None, limit: int = 20) -> list[Page]:
    """Never-published pages untouched for ABANDONED_AFTER, oldest first, that `user` may
    edit: anyone's for those who can publish, else `user`'s own. What the dashboard offers
    to finish or delete."""
    now = now or timezone.now()
    in_moderation = {
        int(object_id)
        for object_id in WorkflowState.objects.active().values_list("object_id", flat=True)
    }
    pages = (
        Page.objects.filter(
            live=False,
            first_published_at__isnull=True,
            latest_revision_created_at__lt=now - ABANDONED_AFTER,
        )
        .exclude(pk__in=in_moderation)
        .select_related("owner")
        .order_by("latest_revision_created_at", "pk")
    )
    if not sees_everyones_drafts(user):
        return list(pages.filter(owner=user)[:limit])
    editable = PagePermissionPolicy().instances_user_has_any_permission_for(user, {"change"})
    return list(pages.filter(pk__in=editable.values("pk"))[:limit])
