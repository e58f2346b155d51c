"""WordPress's short addresses (`/?p=123`, `/?page_id=…`, `/?attachment_id=…`).

They ask for the site's front page with a query string, and the home page answers `/`
itself, so Wagtail's redirect middleware (which only acts on a 404) never sees them.
This looks up the redirect the importer stored for exactly that key and value.
"""

from django.http import HttpResponsePermanentRedirect

from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Site

SHORT_KEYS = ("p", "page_id", "attachment_id")


class WordPressShortLinkMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path == "/" and request.method in {"GET", "HEAD"}:
            for key in SHORT_KEYS:
                value = request.GET.get(key, "")
                if not value.isdigit():
                    continue
                redirect = (
                    Redirect.get_for_site(Site.find_for_request(request))
                    .filter(old_path=f"/?{key}={value}")
                    .first()
                )
                if redirect is not None and redirect.link:
                    return HttpResponsePermanentRedirect(redirect.link)
        return self.get_response(request)
