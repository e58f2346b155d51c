"""Security headers the site sends on every response.

Content-Security-Policy (django-csp): public pages get settings.CONTENT_SECURITY_POLICY,
which allows no inline script or style at all (a nonce, `request.csp_nonce`, for a page
that really needs one); the Wagtail admin gets settings.ADMIN_CONTENT_SECURITY_POLICY,
because Wagtail's own admin templates still write inline scripts and style attributes.
Both keep the page out of other sites' frames and forms out of other sites.
Permissions-Policy turns off browser features no page here uses.
"""

from csp.middleware import CSPMiddleware, PolicyParts
from csp.utils import default_config

from django.conf import settings

ADMIN_PREFIX = "/admin/"


class SiteCSPMiddleware(CSPMiddleware):
    """django-csp's middleware with the admin's own policy under /admin/."""

    def get_policy_parts(self, request, response, report_only: bool = False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.config is None and request.path_info.startswith(ADMIN_PREFIX):
            parts.config = default_config(settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"])
            parts.nonce = None  # a nonce would switch off the 'unsafe-inline' the admin needs
        return parts


class PermissionsPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.header = ", ".join(
            f"{feature}=({' '.join(allowed)})"
            for feature, allowed in settings.PERMISSIONS_POLICY.items()
        )

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", self.header)
        return response
