"""Absolute addresses for links in emails, which have no request to build them from."""

from django.urls import reverse

from wagtail.models import Site

from newsletter import tokens
from newsletter.models import Subscriber


def site_root() -> str:
    site = Site.objects.filter(is_default_site=True).first()
    return site.root_url if site else ""


def absolute(path: str, root: str | None = None) -> str:
    return (site_root() if root is None else root) + path


def confirm_url(subscriber: Subscriber, root: str | None = None) -> str:
    token = tokens.make_token(subscriber, tokens.CONFIRM)
    return absolute(reverse("newsletter:confirm", args=[token]), root)


def preferences_url(subscriber: Subscriber, root: str | None = None) -> str:
    token = tokens.make_token(subscriber, tokens.MANAGE)
    return absolute(reverse("newsletter:preferences", args=[token]), root)


def unsubscribe_url(subscriber: Subscriber, root: str | None = None) -> str:
    token = tokens.make_token(subscriber, tokens.MANAGE)
    return absolute(reverse("newsletter:unsubscribe", args=[token]), root)
