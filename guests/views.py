"""Public views for guests: accepting an invitation, and reading a shared draft preview."""

from django.contrib.auth import get_user_model, login
from django.contrib.auth.models import Group
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache

from core.roles import GUESTS
from guests.forms import AcceptInvitationForm
from guests.models import GuestProfile, Invitation, PreviewLink, hash_token
from people.models import Blogger


@never_cache
def accept_invitation(request, token: str):
    invitation = Invitation.objects.filter(token_hash=hash_token(token)).first()
    if invitation is None or invitation.is_accepted or invitation.is_expired:
        if invitation is None:
            reason = "invalid"
        elif invitation.is_accepted:
            reason = "used"
        else:
            reason = "expired"
        return render(request, "guests/invitation_unusable.html", {"reason": reason}, status=410)

    form = AcceptInvitationForm(request.POST or None, invitation=invitation)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            # Lock the row so two tabs submitting at once cannot both use the link.
            locked = Invitation.objects.select_for_update().get(pk=invitation.pk)
            if locked.is_accepted:
                return render(
                    request, "guests/invitation_unusable.html", {"reason": "used"}, status=410
                )
            first, _, last = invitation.name.partition(" ")
            user = get_user_model().objects.create_user(
                username=form.cleaned_data["username"],
                email=invitation.email,
                password=form.cleaned_data["password1"],
                first_name=first[:150],
                last_name=last[:150],
            )
            user.groups.add(Group.objects.get(name=GUESTS))
            blogger = invitation.blogger or Blogger.objects.create(
                # The profile makes its own unique slug from the name.
                name=invitation.name,
                role=invitation.role,
            )
            GuestProfile.objects.create(user=user, blogger=blogger)
            locked.accepted_at = timezone.now()
            locked.accepted_by = user
            locked.save(update_fields=["accepted_at", "accepted_by"])
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        return redirect("wagtailadmin_home")
    return render(
        request, "guests/invitation_accept.html", {"invitation": invitation, "form": form}
    )


@never_cache
def shared_preview(request, token: str):
    """The draft as it stands, for someone without an account; never indexed."""
    link = PreviewLink.objects.select_related("page").filter(token=token).first()
    if link is None or not link.is_active:
        response = render(request, "guests/preview_unavailable.html", status=404)
        response["X-Robots-Tag"] = "noindex, nofollow"
        return response
    page = link.page.specific.get_latest_revision_as_object()
    if not hasattr(page, "serve_preview"):
        raise Http404
    request.is_preview = True
    request.preview_mode = page.default_preview_mode
    context = page.get_context(request)
    context["shared_preview"] = link
    response = render(request, page.get_template(request), context)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
