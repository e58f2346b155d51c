"""The link a reader follows from their email to send a first comment to moderation."""

from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from drafting import spam
from drafting.models import Comment


@require_http_methods(["GET", "POST"])
def confirm_comment(request, token: str):
    """GET asks for a click (mail scanners follow links); POST confirms and remembers."""
    comment_id = spam.comment_id_from_token(token)
    comment = Comment.objects.select_related("page").filter(pk=comment_id).first()
    if comment is None:
        return render(request, "drafting/confirm.html", {"invalid": True}, status=400)
    context = {"comment": comment, "page_url": comment.page.url}
    if request.method == "GET":
        return render(request, "drafting/confirm.html", context)
    if comment.state == Comment.State.UNCONFIRMED:
        Comment.objects.filter(pk=comment.pk, state=Comment.State.UNCONFIRMED).update(
            state=Comment.State.NEW, confirmed_at=timezone.now()
        )
    response = render(request, "drafting/confirm.html", {**context, "confirmed": True})
    spam.remember_confirmed(response, comment.email)
    return response
