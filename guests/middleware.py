"""The admin boundary for guest bloggers, enforced on every admin request.

Deny by default: a guest-only user's request for any admin URL is refused with a plain 403
unless `guests.admin_access.GUEST_ALLOWED` names the URL and its rule accepts the objects the
URL names (their own pages, the section they write in, images they may choose). What the
allowed views list is narrowed in `guests.visibility`. Editors, administrators and anonymous
visitors pass through untouched; Wagtail's own permission checks still run after this.
"""

from django.http import HttpResponseForbidden
from django.urls import reverse

from guests.admin_access import guest_may_open
from guests.permissions import is_guest_only

REFUSAL = (
    "Guest bloggers cannot open this part of the admin. "
    "Your posts and images are on your dashboard."
)


def refusal() -> HttpResponseForbidden:
    return HttpResponseForbidden(REFUSAL, content_type="text/plain; charset=utf-8")


class GuestAdminBoundaryMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self._admin_prefix = None

    def __call__(self, request):
        return self.get_response(request)

    def admin_prefix(self) -> str:
        if self._admin_prefix is None:
            self._admin_prefix = reverse("wagtailadmin_home")
        return self._admin_prefix

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not request.path.startswith(self.admin_prefix()):
            return None
        if not is_guest_only(request.user):
            return None
        match = request.resolver_match
        view_name = match.view_name if match is not None and match.url_name else ""
        if guest_may_open(request, view_name, view_kwargs):
            return None
        return refusal()
