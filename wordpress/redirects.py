"""Old WordPress addresses → their new pages and images, as Wagtail redirects.

Each post keeps its permalink and its `/?p=ID` short address (`/?page_id=ID` for
pages); each attachment its attachment page and `/?attachment_id=ID`. Wagtail's own
middleware serves the paths (it acts on a 404); `wordpress.middleware` serves the
query-string forms, which the home page would otherwise answer.
"""

from urllib.parse import urlparse

from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page

from wordpress.people import host
from wordpress.report import Report

SHORT_KEYS = {"post": "p", "page": "page_id", "attachment": "attachment_id"}


def old_paths(link: str, source: str, wp_id: int, post_type: str) -> list[str]:
    """The normalised paths a WordPress item answered at on its own site."""
    paths = []
    parsed = urlparse(link)
    if link and (not parsed.netloc or host(link) == host(source)):
        base_path = urlparse(source).path.rstrip("/")
        path = parsed.path[len(base_path) :] if parsed.path.startswith(base_path) else parsed.path
        paths.append(Redirect.normalise_path(path + (f"?{parsed.query}" if parsed.query else "")))
    paths.append(Redirect.normalise_path(f"/?{SHORT_KEYS[post_type]}={wp_id}"))
    return list(dict.fromkeys(path for path in paths if path != "/"))


def point(report: Report, paths: list[str], page: Page | None = None, link: str = "") -> None:
    """Make each of `paths` redirect (permanently, on every site) to `page` or `link`."""
    own_path = ""
    if page is not None:
        url = page.get_url()
        own_path = Redirect.normalise_path(url) if url else ""
    for path in paths:
        if path == own_path:
            continue  # the new page answers at the old address itself
        redirect = Redirect.objects.filter(site=None, old_path=path).first()
        target = {"redirect_page": page, "redirect_link": "" if page else link}
        if redirect is None:
            Redirect.objects.create(site=None, old_path=path, is_permanent=True, **target)
            report.count("redirect", "created")
        elif redirect.redirect_page_id == (page.pk if page else None) and (
            redirect.redirect_link == target["redirect_link"]
        ):
            report.count("redirect", "unchanged")
        else:
            for name, value in target.items():
                setattr(redirect, name, value)
            redirect.save()
            report.count("redirect", "updated")
