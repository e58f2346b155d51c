from django import template

from wagtail.models import Page, Site

from core.navigation import menu_for_site

register = template.Library()


@register.inclusion_tag("core/main_menu.html", takes_context=True)
def main_menu(context):
    """The live, public pages under the site's home page that editors put in menus."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    menu = menu_for_site(site) if site is not None else {"home_url": None, "items": []}
    current = context.get("page")
    current_path = current.path if isinstance(current, Page) else ""
    return {
        "home_url": menu["home_url"],
        "items": [
            {**item, "current": bool(current_path) and current_path.startswith(item["path"])}
            for item in menu["items"]
        ],
        "request": request,
    }
