"""Emails to readers, sent by the task queue so no request waits on a mail server."""

import html

from django_tasks import task

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags

from drafting.models import Comment
from drafting.spam import confirmation_token


def absolute(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


@task()
def send_confirmation_email(comment_id: int) -> None:
    """Ask the reader to confirm their address before the comment reaches moderation."""
    comment = Comment.objects.select_related("page").filter(pk=comment_id).first()
    if comment is None or comment.state != Comment.State.UNCONFIRMED:
        return
    link = absolute(reverse("drafting_confirm", args=[confirmation_token(comment.pk)]))
    context = {"comment": comment, "link": link, "page_title": comment.page.title}
    send_mail(
        subject=f"Confirm your comment on “{comment.page.title}”",
        message=render_to_string("drafting/email/confirm.txt", context),
        from_email=None,
        recipient_list=[comment.email],
    )


@task()
def send_answer_email(comment_id: int) -> None:
    """Tell the reader their comment was answered, once, if they asked to be told."""
    comment = Comment.objects.select_related("page").filter(pk=comment_id).first()
    if (
        comment is None
        or not comment.notify_on_answer
        or not comment.is_answered
        or comment.answer_emailed_at is not None
    ):
        return
    page = comment.page.specific
    context = {
        "comment": comment,
        "page_title": page.title,
        "reason": html.unescape(strip_tags(comment.reason)).strip(),
        "link": page.get_full_url() + page.reverse_subpage("you_said_we_did"),
    }
    send_mail(
        subject=f"Your comment on “{page.title}” has been answered",
        message=render_to_string("drafting/email/answered.txt", context),
        from_email=None,
        recipient_list=[comment.email],
    )
    Comment.objects.filter(pk=comment.pk).update(answer_emailed_at=timezone.now())
