from django import template

from core.models import SiteSettings
from core.sharing import share_card

register = template.Library()


@register.inclusion_tag("core/includes/share_meta.html", takes_context=True)
def share_meta(context):
    """OpenGraph and Twitter card meta for the page being served (see core.sharing)."""
    request = context.get("request")
    page = context.get("page")
    card = share_card(
        request, page if hasattr(page, "get_full_url") else None, context.get("share")
    )
    twitter = SiteSettings.for_request(request).twitter_handle if card and request else ""
    return {"card": card, "twitter_site": twitter}
