"""The admin views a guest blogger may open: an allow list of URL names, nothing else.

Each entry names an admin URL (its namespaced name, as `reverse` takes it) and the rule that
decides, from the URL's arguments, whether this guest may open it: the page it names must be
their own, the parent must be one they may add to, the image one they may choose, and so on.
A URL name that is not here is refused, so a view that a Wagtail upgrade adds stays closed to
guests until someone decides otherwise and adds it, with its rule, below.
"""

from collections.abc import Callable

from django.http import HttpRequest

from wagtail.admin.models import EditingSession
from wagtail.models import Page, UploadedFile

from guests.visibility import choosable_images, choosable_pages, explorable_pages, own_images

Rule = Callable[[HttpRequest, dict], bool]


def ids(values) -> list[int] | None:
    """The values as integers, or None when any is not a whole number."""
    values = [str(value) for value in values]
    if not all(value.isdigit() for value in values):
        return None
    return [int(value) for value in values]


def anyone(request: HttpRequest, kwargs: dict) -> bool:
    """Views that name no object and show only the guest's own things."""
    return True


def page_where(test: Callable) -> Callable[[str], Rule]:
    """A rule factory: the page named by `kwarg` exists and `test(permissions)` holds."""

    def factory(kwarg: str) -> Rule:
        def rule(request: HttpRequest, kwargs: dict) -> bool:
            pk = ids([kwargs.get(kwarg, "")])
            page = pk and Page.objects.filter(pk=pk[0]).first()
            return bool(page) and test(page.permissions_for_user(request.user))

        return rule

    return factory


own_page = page_where(lambda permissions: permissions.can_edit())
parent_to_add_to = page_where(lambda permissions: permissions.can_add_subpage())


def explorable(kwarg: str) -> Rule:
    def rule(request: HttpRequest, kwargs: dict) -> bool:
        pk = ids([kwargs.get(kwarg, "")])
        return bool(pk) and explorable_pages(request.user).filter(pk=pk[0]).exists()

    return rule


def choosable_page(kwarg: str) -> Rule:
    def rule(request: HttpRequest, kwargs: dict) -> bool:
        pk = ids([kwargs.get(kwarg, "")])
        pages = Page.objects.filter(pk=pk[0]) if pk else Page.objects.none()
        return choosable_pages(request.user, pages).exists()

    return rule


def choosable_pages_in_query(request: HttpRequest, kwargs: dict) -> bool:
    """`?id=…&id=…`: every page named must be one the guest may choose."""
    wanted = ids(request.GET.getlist("id"))
    if not wanted:
        return False
    found = choosable_pages(request.user, Page.objects.filter(pk__in=wanted)).count()
    return found == len(set(wanted))


def own_pages_in_bulk(request: HttpRequest, kwargs: dict) -> bool:
    """A bulk action on pages, every one named (`?id=…`) the guest's own to edit; Wagtail
    then offers each action only for the pages its own checks allow (deleting a draft)."""
    if (kwargs.get("app_label"), kwargs.get("model_name")) != ("wagtailcore", "page"):
        return False
    wanted = ids(request.GET.getlist("id"))
    if not wanted:
        return False
    pages = Page.objects.filter(pk__in=wanted)
    return len(pages) == len(set(wanted)) and all(
        page.permissions_for_user(request.user).can_edit() for page in pages
    )


def choosable_image(kwarg: str) -> Rule:
    def rule(request: HttpRequest, kwargs: dict) -> bool:
        pk = ids([kwargs.get(kwarg, "")])
        return bool(pk) and choosable_images(request.user).filter(pk=pk[0]).exists()

    return rule


def choosable_images_in_query(request: HttpRequest, kwargs: dict) -> bool:
    wanted = ids(request.GET.getlist("id"))
    if not wanted:
        return False
    found = choosable_images(request.user).filter(pk__in=wanted).count()
    return found == len(set(wanted))


def own_image(kwarg: str) -> Rule:
    def rule(request: HttpRequest, kwargs: dict) -> bool:
        pk = ids([kwargs.get(kwarg, "")])
        return bool(pk) and own_images(request.user).filter(pk=pk[0]).exists()

    return rule


def own_upload(request: HttpRequest, kwargs: dict) -> bool:
    """A file the guest uploaded in the multiple-upload form, not yet made an image."""
    pk = ids([kwargs.get("uploaded_file_id", "")])
    return (
        bool(pk) and UploadedFile.objects.filter(pk=pk[0], uploaded_by_user=request.user).exists()
    )


def own_page_editing_session(request: HttpRequest, kwargs: dict) -> bool:
    """The editor's "who else is here" ping, only about a page the guest may edit."""
    is_page = (kwargs.get("app_label"), kwargs.get("model_name")) == ("wagtailcore", "page")
    return is_page and own_page("object_id")(request, kwargs)


def own_editing_session(request: HttpRequest, kwargs: dict) -> bool:
    pk = ids([kwargs.get("session_id", "")])
    return bool(pk) and EditingSession.objects.filter(pk=pk[0], user=request.user).exists()


def explorer_listing(request: HttpRequest, kwargs: dict) -> bool:
    """The sidebar's page explorer: listings only through Wagtail's explorer filter, which
    applies the explorer hooks and the guest-aware page policy."""
    return "for_explorer" in request.GET


GUEST_ALLOWED: dict[str, Rule] = {
    # Signing in and out, their account, the dashboard, and what every admin page loads.
    "wagtailadmin_home": anyone,
    "wagtailadmin_login": anyone,
    "wagtailadmin_logout": anyone,
    "wagtailadmin_password_reset": anyone,
    "wagtailadmin_password_reset_done": anyone,
    "wagtailadmin_password_reset_confirm": anyone,
    "wagtailadmin_password_reset_complete": anyone,
    "wagtailadmin_account": anyone,
    "wagtailadmin_javascript_catalog": anyone,
    "wagtailadmin_sprite": anyone,
    "wagtailadmin_dismissibles": anyone,
    "wagtailadmin_block_preview": anyone,
    # The guest section's listing and their own pages, in the explorer and its sidebar menu.
    "wagtailadmin_explore_root": anyone,
    "wagtailadmin_explore": explorable("parent_page_id"),
    "wagtailadmin_explore_results": explorable("parent_page_id"),
    "wagtailadmin_api:pages:listing": explorer_listing,
    "wagtailadmin_api:pages:detail": explorable("pk"),
    "wagtailadmin_pages:search": anyone,
    "wagtailadmin_pages:search_results": anyone,
    # Writing: a new post where they may add one, then their own pages only.
    "wagtailadmin_pages:add_subpage": parent_to_add_to("parent_page_id"),
    "wagtailadmin_pages:add": parent_to_add_to("parent_page_id"),
    "wagtailadmin_pages:preview_on_add": parent_to_add_to("parent_page_id"),
    "wagtailadmin_pages:edit": own_page("page_id"),
    "wagtailadmin_pages:preview_on_edit": own_page("page_id"),
    "wagtailadmin_pages:view_draft": own_page("page_id"),
    "wagtailadmin_pages:delete": own_page("page_id"),
    "wagtailadmin_pages:history": own_page("page_id"),
    "wagtailadmin_pages:history_results": own_page("page_id"),
    "wagtailadmin_pages:revisions_index": own_page("page_id"),
    "wagtailadmin_pages:revisions_view": own_page("page_id"),
    "wagtailadmin_pages:revisions_compare": own_page("pk"),
    "wagtailadmin_pages:usage": own_page("page_id"),
    "wagtailadmin_pages:workflow_history": own_page("page_id"),
    "wagtailadmin_pages:workflow_history_detail": own_page("page_id"),
    "wagtailadmin_pages:confirm_workflow_cancellation": own_page("page_id"),
    "wagtailadmin_editing_sessions:ping": own_page_editing_session,
    "wagtailadmin_editing_sessions:release": own_editing_session,
    "guests_preview_links": own_page("page_id"),
    "wagtail_bulk_action": own_pages_in_bulk,
    # Linking from rich text: pages the public can read, or their own.
    "wagtailadmin_choose_page": anyone,
    "wagtailadmin_choose_page_child": choosable_page("parent_page_id"),
    "wagtailadmin_choose_page_search": anyone,
    "wagtailadmin_choose_page_chosen_multiple": choosable_pages_in_query,
    "wagtailadmin_choose_page_external_link": anyone,
    "wagtailadmin_choose_page_email_link": anyone,
    "wagtailadmin_choose_page_phone_link": anyone,
    "wagtailadmin_choose_page_anchor_link": anyone,
    # Images: choose from Guest uploads, upload there, and manage their own uploads.
    "wagtailimages_chooser:choose": anyone,
    "wagtailimages_chooser:choose_results": anyone,
    "wagtailimages_chooser:chosen": choosable_image("pk"),
    "wagtailimages_chooser:chosen_multiple": choosable_images_in_query,
    "wagtailimages_chooser:create": anyone,
    "wagtailimages_chooser:select_format": choosable_image("image_id"),
    "wagtailimages:index": anyone,
    "wagtailimages:index_results": anyone,
    "wagtailimages:add": anyone,
    "wagtailimages:add_multiple": anyone,
    "wagtailimages:create_multiple_from_uploaded_image": own_upload,
    "wagtailimages:delete_upload_multiple": own_upload,
    "wagtailimages:edit_multiple": own_image("image_id"),
    "wagtailimages:delete_multiple": own_image("image_id"),
    "wagtailimages:edit": own_image("image_id"),
    "wagtailimages:delete": own_image("image_id"),
    "wagtailimages:image_usage": own_image("image_id"),
    "wagtailimages:preview": choosable_image("image_id"),
}


def guest_may_open(request: HttpRequest, view_name: str, kwargs: dict) -> bool:
    """True when the allow list has this view and its rule lets this guest open it."""
    rule = GUEST_ALLOWED.get(view_name)
    return rule is not None and rule(request, kwargs)
