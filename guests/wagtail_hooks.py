"""Admin for guest bloggers: invitations, profiles, the guest's dashboard, shareable previews,
and hiding other people's drafts from guests in every listing that shows pages."""

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.core.mail import send_mail
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone

from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.admin.widgets import Button
from wagtail.models import Page, WorkflowState
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet
from wagtail_modeladmin.helpers import PermissionHelper
from wagtail_modeladmin.options import ModelAdmin, ModelAdminGroup, modeladmin_register
from wagtail_modeladmin.views import CreateView

from guests.models import GuestPostPage, GuestProfile, Invitation, PreviewLink
from guests.permissions import is_guest_only
from guests.visibility import (
    choosable_documents,
    choosable_images,
    choosable_pages,
    listed_pages,
)


def absolute_url(request, path_: str) -> str:
    return request.build_absolute_uri(path_)


def send_invitation(request, invitation: Invitation, token: str) -> None:
    url = absolute_url(request, reverse("guests:accept_invitation", args=[token]))
    send_mail(
        "Your invitation to write for Guerilla Policy",
        render_to_string("guests/email/invitation.txt", {"invitation": invitation, "url": url}),
        None,
        [invitation.email],
    )


class InvitationCreateView(CreateView):
    """Saving an invitation gives it a fresh secret and emails the link; the secret is not kept."""

    def form_valid(self, form):
        invitation = form.save(commit=False)
        token = invitation.issue_token()
        invitation.invited_by = self.request.user
        invitation.save()
        send_invitation(self.request, invitation, token)
        messages.success(self.request, f"Invitation sent to {invitation.email}.")
        return redirect(self.get_success_url())


class InvitationPermissionHelper(PermissionHelper):
    """Invitations are sent, then only withdrawn (deleted): editing would not resend the link."""

    def user_can_edit_obj(self, user, obj):
        return False


class InvitationAdmin(ModelAdmin):
    model = Invitation
    menu_label = "Invitations"
    menu_icon = "mail"
    create_view_class = InvitationCreateView
    permission_helper_class = InvitationPermissionHelper
    list_display = ("name", "email", "state", "invited_by", "created_at", "expires_at")
    search_fields = ("name", "email")
    inspect_view_enabled = True
    inspect_view_fields = ("name", "email", "blogger", "role", "message", "created_at")

    def state(self, obj):
        return obj.state


@modeladmin_register
class GuestsAdminGroup(ModelAdminGroup):
    menu_label = "Guests"
    menu_icon = "group"
    menu_order = 250
    items = (InvitationAdmin,)


class GuestProfileViewSet(SnippetViewSet):
    """Which account signs with which Blogger profile: editors' business, never a guest's."""

    model = GuestProfile
    icon = "user"
    menu_label = "Guest profiles"
    list_display = ("user", "blogger")
    search_fields = ("user__username", "blogger__name")


register_snippet(GuestProfileViewSet)


# Every chooser and the explorer narrow through guests.visibility, the one place that
# decides what a guest may see; admin search and the admin API narrow through the page
# permission policy registered there.


@hooks.register("construct_explorer_page_queryset")
def guests_explore_their_own_pages(parent_page, pages, request):
    return listed_pages(request.user, pages)


@hooks.register("construct_page_chooser_queryset")
def guests_choose_public_or_own_pages(pages, request):
    return choosable_pages(request.user, pages)


@hooks.register("construct_image_chooser_queryset")
def guests_choose_images_they_may_use(images, request):
    return choosable_images(request.user, images)


@hooks.register("construct_document_chooser_queryset")
def guests_choose_documents_they_may_use(documents, request):
    return choosable_documents(request.user, documents)


@hooks.register("construct_reports_menu")
def hide_reports_from_guests(request, menu_items):
    """Reports list everyone's pages; guests are refused them, so don't offer them."""
    if is_guest_only(request.user):
        menu_items[:] = []


class GuestDraftsPanel(Component):
    """The guest's own posts on the dashboard, with where each stands."""

    name = "guest_drafts"
    template_name = "guests/admin/guest_drafts_panel.html"
    order = 50

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        posts = list(
            GuestPostPage.objects.filter(owner=request.user).order_by("-latest_revision_created_at")
        )
        # One query for every post's active workflow state, not one per post.
        states = {
            state.object_id: state
            for state in WorkflowState.objects.active()
            .filter(
                base_content_type=ContentType.objects.get_for_model(Page),
                object_id__in=[str(post.pk) for post in posts],
            )
            .select_related("current_task_state__task")
        }
        rows = []
        for post in posts:
            state = states.get(str(post.pk))
            if post.live and not post.has_unpublished_changes:
                status = "Published"
            elif state is not None and state.status == state.STATUS_IN_PROGRESS:
                status = f"In moderation: {state.current_task_state.task.name}"
            elif state is not None and state.status == state.STATUS_NEEDS_CHANGES:
                status = "Changes requested"
            else:
                status = "Draft"
            comment = ""
            if status == "Changes requested" and state.current_task_state is not None:
                comment = state.current_task_state.comment
            rows.append({"page": post, "status": status, "comment": comment})
        return {"rows": rows, "request": request}


@hooks.register("before_edit_page")
def show_the_requested_changes(request, page):
    """Whoever edits a page sent back for changes reads the editor's comment where they
    work, not only in its history and the email."""
    if request.method != "GET":
        return
    state = page.current_workflow_state
    if state is None or state.status != state.STATUS_NEEDS_CHANGES:
        return
    task_state = state.current_task_state
    if task_state is None or not task_state.comment:
        return
    who = task_state.finished_by.get_full_name() if task_state.finished_by else ""
    messages.warning(
        request,
        f"Changes requested{f' by {who}' if who else ''}: “{task_state.comment}”",
    )


@hooks.register("construct_homepage_panels")
def add_guest_drafts_panel(request, panels):
    if GuestPostPage.objects.filter(owner=request.user).exists() or is_guest_only(request.user):
        panels.append(GuestDraftsPanel())


# Shareable previews ---------------------------------------------------------------------


def editable_page_or_403(request, page_id: int) -> Page:
    page = get_object_or_404(Page, pk=page_id).specific
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    return page


def preview_links(request, page_id: int):
    """List, create and revoke shareable preview links for one page the user can edit."""
    page = editable_page_or_403(request, page_id)
    if request.method == "POST":
        if "revoke" in request.POST:
            link = get_object_or_404(PreviewLink, pk=request.POST["revoke"], page=page)
            link.revoked_at = timezone.now()
            link.save(update_fields=["revoked_at"])
            messages.success(request, "Preview link withdrawn: it no longer works.")
        else:
            PreviewLink.objects.create(page=page, created_by=request.user)
            messages.success(request, "Preview link created. It works for seven days.")
        return redirect("guests_preview_links", page_id=page.pk)
    links = [
        {
            "link": link,
            "url": absolute_url(request, reverse("guests:shared_preview", args=[link.token])),
        }
        for link in PreviewLink.objects.filter(page=page).select_related("created_by")
    ]
    return TemplateResponse(
        request, "guests/admin/preview_links.html", {"page": page, "links": links}
    )


@hooks.register("register_admin_urls")
def register_preview_link_urls():
    return [path("guests/preview-links/<int:page_id>/", preview_links, name="guests_preview_links")]


@hooks.register("register_page_header_buttons")
def share_preview_button(page, user, view_name, next_url=None):
    if page.specific_class is GuestPostPage and page.permissions_for_user(user).can_edit():
        yield Button(
            "Share a preview link",
            reverse("guests_preview_links", args=[page.pk]),
            icon_name="link",
            priority=90,
        )
