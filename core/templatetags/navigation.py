from django import template

from wagtail.models import Page, Site

register = template.Library()


@register.inclusion_tag("core/main_menu.html", takes_context=True)
def main_menu(context):
    """The live, public pages under the site's home page that editors put in menus."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    current = context.get("page")
    items = []
    if site is not None:
        items = list(
            Page.objects.child_of(site.root_page).live().public().in_menu().specific(defer=True)
        )
    current_path = current.path if isinstance(current, Page) else ""
    return {
        "home": site.root_page if site else None,
        "items": [
            {"page": item, "current": bool(current_path) and current_path.startswith(item.path)}
            for item in items
        ],
        "request": request,
    }
