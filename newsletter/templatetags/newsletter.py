"""`{% newsletter_signup %}`: the subscribe box, on the page types the settings name.

The site's base template calls it, so no content app's template or code names the
newsletter; which pages show the box is a setting (NEWSLETTER_SIGNUP_PAGE_TYPES).
"""

from django import template
from django.conf import settings

from newsletter.forms import SubscribeForm

register = template.Library()

DEFAULT_PAGE_TYPES = ("home.HomePage", "roundups.RoundupIndexPage", "roundups.RoundupPage")


@register.inclusion_tag("newsletter/includes/signup.html", takes_context=True)
def newsletter_signup(context) -> dict:
    page = context.get("page")
    page_types = getattr(settings, "NEWSLETTER_SIGNUP_PAGE_TYPES", DEFAULT_PAGE_TYPES)
    shown = page is not None and getattr(page, "_meta", None) and page._meta.label in page_types
    return {
        "show": bool(shown),
        "form": SubscribeForm() if shown else None,
        "request": context.get("request"),
        "csrf_token": context.get("csrf_token"),
    }
