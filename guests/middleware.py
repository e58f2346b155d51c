"""The admin boundary for guest bloggers, enforced on every admin request.

Wagtail lets any admin user who can reach a page's parent read that page's
history, revisions, comparisons, usage and workflow history, and lets owners
with "add" move and copy their pages. Guests must see nothing of other people's
drafts and must not move or copy pages, so for guest-only users this refuses
page-scoped admin views and bulk actions on pages they cannot edit, refuses
structural actions and the reports (site history lists everyone's pages)
outright, keeps the admin API to the explorer's filtered listing and to pages
that are live or their own, and sends admin page search to a listing that
hides others' drafts.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Q

from wagtail.admin.views.pages.search import SearchView
from wagtail.admin.viewsets.pages import page_viewset_registry
from wagtail.models import Page

from guests.permissions import is_guest_only

PAGE_ID_KWARGS = ("page_id", "pk", "page_to_move_id")
# Structural or site-wide actions no guest needs, whatever page they name.
REFUSED_FOR_GUESTS = {
    "move",
    "move_confirm",
    "set_page_position",
    "copy",
    "convert_alias",
    "set_privacy",
    "lock",
    "unlock",
    "revisions_revert",
    "revisions_unschedule",
    "unpublish",
    "content_type_use",
    "content_type_use_results",
}


def others_drafts(user) -> Q:
    """Pages that are not live and belong to someone else."""
    return Q(live=False) & ~Q(owner=user)


class GuestSearchView(SearchView):
    """Admin page search without other people's drafts."""

    def annotate_queryset(self, pages):
        return super().annotate_queryset(pages).exclude(others_drafts(self.request.user))


class GuestAdminBoundaryMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self._search_views = None

    def __call__(self, request):
        return self.get_response(request)

    def search_views(self):
        if self._search_views is None:
            viewset = page_viewset_registry.get_by_type(Page)
            self._search_views = {
                "search": viewset.construct_view(GuestSearchView),
                "search_results": viewset.construct_view(GuestSearchView, results_only=True),
            }
        return self._search_views

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None:
            return None
        if not is_guest_only(request.user):
            return None
        if "wagtailadmin_reports" in match.namespaces:
            # Site history and the other reports list everyone's pages.
            raise PermissionDenied
        if match.url_name == "wagtail_bulk_action":
            ids = request.GET.getlist("id") + request.POST.getlist("id")
            self.require_editable(request.user, ids)
            return None
        if "wagtailadmin_api" in match.namespaces:
            return self.check_admin_api(request, match, view_kwargs)
        if "wagtailadmin_pages" not in match.namespaces:
            return None
        name = match.url_name
        if name in REFUSED_FOR_GUESTS:
            raise PermissionDenied
        if name in ("search", "search_results"):
            return self.search_views()[name](request, *view_args)
        page_id = next((view_kwargs[k] for k in PAGE_ID_KWARGS if k in view_kwargs), None)
        if page_id is None:
            return None
        self.require_editable(request.user, [page_id])
        return None

    @staticmethod
    def require_editable(user, page_ids) -> None:
        """Refuse unless the user may edit every one of these pages."""
        ids = [int(pk) for pk in page_ids if str(pk).isdigit()]
        for page in Page.objects.filter(pk__in=ids):
            if not page.permissions_for_user(user).can_edit():
                raise PermissionDenied

    @staticmethod
    def check_admin_api(request, match, view_kwargs):
        """The explorer menu's API: listings only through the explorer filter, and no
        details of other people's drafts."""
        if match.url_name == "listing" and "for_explorer" not in request.GET:
            raise PermissionDenied
        if match.url_name == "detail":
            page = Page.objects.filter(pk=view_kwargs.get("pk")).first()
            if page is not None and not page.live and page.owner_id != request.user.pk:
                raise PermissionDenied
        return None
