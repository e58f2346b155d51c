"""What a guest blogger may see in the admin: the one place that narrows pages, images and
documents for guests.

Every admin listing, chooser, search (with its counts and page-type facets), explorer and the
admin API reach it either through Wagtail's page permission policy, replaced here by one that
narrows `explorable_instances`, or through the chooser and explorer hooks in
`guests.wagtail_hooks`; the admin boundary (`guests.admin_access`) asks it about the objects a
URL names. Editors, administrators and anonymous users are never narrowed here.
"""

from django.db.models import Q, QuerySet

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import AbstractPage, Page
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.permissions import policy_registry, register_permission_policy

from guests.permissions import is_guest_only


class GuestAwarePagePermissionPolicy(PagePermissionPolicy):
    """Wagtail's page policy, except that a guest explores only the pages their group was
    given (the guest section) and the pages they own: never another person's page, draft or
    live. Wagtail's explorer, admin search (results, counts, facets) and admin API listing
    all start from `explorable_instances`."""

    def explorable_instances(self, user):
        pages = super().explorable_instances(user)
        if not is_guest_only(user):
            return pages
        granted = [page.pk for page in self.instances_with_direct_explore_permission(user)]
        return pages.filter(Q(pk__in=granted) | Q(owner=user))


def register_page_policy() -> None:
    """Put the guest-aware policy where Wagtail looks pages' policy up (AppConfig.ready)."""
    register_permission_policy(AbstractPage, GuestAwarePagePermissionPolicy())


def page_policy() -> PagePermissionPolicy:
    return policy_registry.get_by_type(Page)


def explorable_pages(user) -> QuerySet:
    """Pages whose listing or details the user may open in the admin."""
    return page_policy().explorable_instances(user)


def listed_pages(user, pages: QuerySet) -> QuerySet:
    """Explorer rows and admin search results: a guest's own pages only."""
    if is_guest_only(user):
        return pages.filter(owner=user)
    return pages


def choosable_pages(user, pages: QuerySet) -> QuerySet:
    """Pages a guest may pick as a link target: their own, and pages the public can read as
    they stand (live, with no unpublished changes whose title the chooser would show)."""
    if is_guest_only(user):
        # By id, as Wagtail narrows its own searches: the chooser's search backend can
        # filter on ids but not on has_unpublished_changes.
        allowed = Page.objects.filter(Q(owner=user) | Q(live=True, has_unpublished_changes=False))
        return pages.filter(pk__in=allowed.values_list("pk", flat=True))
    return pages


def choosable_images(user, images: QuerySet | None = None) -> QuerySet:
    """Images in the collections where the user may choose (for guests, Guest uploads)."""
    model = get_image_model()
    allowed = policy_registry.get_by_type(model).instances_user_has_any_permission_for(
        user, ["choose"]
    )
    return allowed if images is None else images.filter(pk__in=allowed.values("pk"))


def choosable_documents(user, documents: QuerySet | None = None) -> QuerySet:
    """Documents the user may choose; guests have no document rights, so none for them."""
    model = get_document_model()
    allowed = policy_registry.get_by_type(model).instances_user_has_any_permission_for(
        user, ["choose"]
    )
    return allowed if documents is None else documents.filter(pk__in=allowed.values("pk"))


def own_images(user) -> QuerySet:
    """Images the user may edit or delete: for guests, those they uploaded themselves."""
    model = get_image_model()
    return policy_registry.get_by_type(model).instances_user_has_any_permission_for(
        user, ["change", "delete"]
    )
