"""The reader's address, the same for every per-address limit (suggestions, django-axes).

Behind reverse proxies the connection comes from the nearest proxy, and X-Forwarded-For
lists the addresses each proxy saw, the client's first. Only the entries the site's own
proxies appended can be trusted (a client can send any header), so with
settings.TRUSTED_PROXY_COUNT = N the reader is the N-th address from the right.
"""

import ipaddress

from django.conf import settings
from django.http import HttpRequest


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
