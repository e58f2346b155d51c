"""The reader's address, the same for every per-address limit (suggestions, django-axes),
and whether a form was posted from this site (forms without a CSRF token).

Behind reverse proxies the connection comes from the nearest proxy, and X-Forwarded-For
lists the addresses each proxy saw, the client's first. Only the entries the site's own
proxies appended can be trusted (a client can send any header), so with
settings.TRUSTED_PROXY_COUNT = N the reader is the N-th address from the right.
"""

import ipaddress
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.http import HttpRequest
from django.utils.http import is_same_domain


def client_ip(request: HttpRequest) -> str:
    """The reader's address as far as the site's own proxies vouch for it."""
    remote = request.META.get("REMOTE_ADDR") or "unknown"
    trusted = settings.TRUSTED_PROXY_COUNT
    if trusted <= 0:
        return remote
    forwarded = [
        address.strip()
        for address in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if address.strip()
    ]
    if len(forwarded) < trusted:
        # Fewer entries than proxies: the request did not come through all of them.
        return forwarded[0] if forwarded else remote
    return forwarded[-trusted]


def stored_ip(request: HttpRequest) -> str | None:
    """The reader's address for a GenericIPAddressField: None when it is not an address.

    A forwarded header can carry any text, and PostgreSQL's inet column refuses text."""
    address = client_ip(request)
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        return None


# Which requests may carry a browser's own `Sec-Fetch-Site`: typed in or bookmarked
# ("none") or sent by a page of this very site. "same-site" is refused too: a page on
# another subdomain is not this site's.
OWN_FETCH_SITES = {"same-origin", "none"}


def trusted_origin(request: HttpRequest, origin: str) -> bool:
    """True when `origin` (scheme://host[:port]) is this site as the request reached it,
    or one of settings.CSRF_TRUSTED_ORIGINS ("https://*.example.org" included)."""
    try:
        own = f"{request.scheme}://{request.get_host()}"
    except DisallowedHost:
        return False
    if origin == own:
        return True
    scheme, _, host = origin.partition("://")
    for trusted in settings.CSRF_TRUSTED_ORIGINS:
        trusted_scheme, _, trusted_host = trusted.partition("://")
        if scheme == trusted_scheme and "*" in trusted_host:
            if is_same_domain(host, trusted_host.replace("*", "", 1)):
                return True
        elif origin == trusted:
            return True
    return False


def sent_from_this_site(request: HttpRequest) -> bool:
    """Whether a form was posted from one of this site's pages.

    For the forms that carry no CSRF token, so that the cached pages showing them stay
    shareable between readers (the newsletter box, the comment form of an essay open for
    comment); instead the browser's word on where the post came from is checked:
    `Sec-Fetch-Site` when the browser sends it (every current one does), else `Origin`,
    else `Referer` (which the site's referrer policy sends to itself). A post with none
    of the three, from a very old browser or a script, is refused: it cannot show it
    came from here.
    """
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site:
        return fetch_site in OWN_FETCH_SITES
    origin = request.headers.get("Origin")
    if origin:
        return origin != "null" and trusted_origin(request, origin)
    referer = urlsplit(request.headers.get("Referer", ""))
    return bool(referer.netloc) and trusted_origin(request, f"{referer.scheme}://{referer.netloc}")
