"""Page routing, remembered; and Django's CSRF check route by route.

Wagtail finds the page for an address by walking the tree from the site's root, a query
or two per level (five for an essay), and looks the site up by host first. Every public
page pays for that before anything is shown, so `serve` remembers each address's answer
in the cache: the site, and which page (type and id) serves the address with which
remaining path (a routable page's own sub-address, such as a blogger's profile).

A remembered route costs one query: the page itself, which must still be live and still
at the address it was found at, or the tree is walked again as before. The routes belong
to the main menu's generation (`core.navigation`), which any saved, moved or deleted page,
view restriction or site ends, so the stored site and every route are read afresh after
any change to the tree. Addresses that found no page are not remembered. Wagtail's
before-serve hooks (view restrictions among them) still run on every request.

`serve` is exempt from Django's CSRF middleware only to run the same check itself once
the route is known (`csrf_refusal`): a routable page's view marked `csrf_exempt` (the
comment form of an essay open for comment) checks where a post came from instead.
"""

import hashlib

from django.apps import apps
from django.core.cache import cache
from django.http import Http404, HttpRequest
from django.middleware.csrf import CsrfViewMiddleware
from django.urls import re_path
from django.views.decorators.csrf import csrf_exempt

from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.models import Page
from wagtail.url_routing import RouteResult

from core import navigation

ROUTE_PREFIX = "route:"


def route_key(request: HttpRequest, path: str) -> str:
    host = request._get_raw_host().lower()  # as Site.find_for_request reads it
    address = f"{host}|{request.get_port()}|{path}".encode()
    return ROUTE_PREFIX + hashlib.blake2b(address, digest_size=16).hexdigest()


def _components(path: str) -> list[str]:
    return [component for component in path.split("/") if component]


def remembered_route(request: HttpRequest, path: str) -> RouteResult | None:
    """The route stored for this address, checked against the page as it is now."""
    key = route_key(request, path)
    found = cache.get_many([navigation.GENERATION_KEY, key])
    entry = found.get(key)
    if entry is None or entry["generation"] != found.get(navigation.GENERATION_KEY):
        return None
    try:
        model = apps.get_model(entry["model"])
        page = model.objects.get(pk=entry["page"])
    except (LookupError, Page.DoesNotExist):
        return None
    if not page.live or page.url_path != entry["url_path"]:
        return None
    try:
        route = page.route(request, entry["remaining"])
    except Http404:  # a routable page that no longer has the sub-address: walk the tree
        return None
    request._wagtail_site = entry["site"]  # Site.find_for_request's own per-request store
    return route


def remember_route(request: HttpRequest, path: str, generation: int) -> None:
    """Store where Wagtail's own routing took this address (found pages only)."""
    route = getattr(request, "_wagtail_route_for_request", None)
    site = getattr(request, "_wagtail_site", None)
    if route is None or site is None:
        return
    page = route[0]
    root_depth = len(_components(site.root_page.url_path))
    served_depth = len(_components(page.url_path)) - root_depth
    cache.set(
        route_key(request, path),
        {
            "generation": generation,
            "site": site,
            "model": page.specific_class._meta.label_lower,
            "page": page.pk,
            "url_path": page.url_path,
            "remaining": _components(path)[served_depth:],
        },
        timeout=navigation.TIMEOUT,
    )


def csrf_refusal(request: HttpRequest, path: str):
    """Django's CSRF check for a page's route, unless the route's own view is exempt.

    A routable page's view marked `csrf_exempt` (a comment form that carries no token, so
    that the page showing it can be shared by every reader) checks where the post came
    from itself; every other page and route is checked as Django checks any view.
    """
    route = Page.route_for_request(request, path)
    view = route.args[0] if route is not None and route.args else None
    if getattr(view, "csrf_exempt", False):
        return None
    return CsrfViewMiddleware(lambda request: None).process_view(
        request, wagtail_views.serve, (path,), {}
    )


@csrf_exempt  # not exempt: checked route by route in csrf_refusal()
def serve(request: HttpRequest, path: str):
    """Wagtail's page view, given the route from the cache when one is remembered."""
    route = remembered_route(request, path)
    if route is not None:
        request._wagtail_route_for_request = route  # Page.route_for_request's own store
    # Read before Wagtail walks the tree (in csrf_refusal): a change meanwhile ends it.
    generation = None if route is not None else navigation.generation()
    refusal = csrf_refusal(request, path)
    if refusal is not None:
        return refusal
    response = wagtail_views.serve(request, path)
    if generation is not None:
        remember_route(request, path, generation)
    return response


# Wagtail's own front-end addresses, with this view serving pages.
urlpatterns = [
    re_path(pattern.pattern.regex.pattern, serve, name=pattern.name)
    if pattern.name == "wagtail_serve"
    else pattern
    for pattern in wagtail_urls.urlpatterns
]
