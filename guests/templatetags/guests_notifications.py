"""Template helpers for the workflow emails guests receive."""

from django import template

from wagtail.models import TaskState

register = template.Library()


@register.simple_tag
def approval_comment(obj) -> str:
    """The comment left with the latest approval of `obj`, for the approval email.

    Wagtail's approval email has no comment in its context (the rejection email has).
    """
    if obj is None or not hasattr(obj, "get_base_content_type"):
        return ""
    task_state = (
        TaskState.objects.filter(
            workflow_state__base_content_type=obj.get_base_content_type(),
            workflow_state__object_id=str(obj.pk),
            status=TaskState.STATUS_APPROVED,
        )
        .order_by("-finished_at")
        .first()
    )
    return task_state.get_comment() if task_state else ""
