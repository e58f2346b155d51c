"""The card a page shows when its address is posted on social media: OpenGraph and Twitter
card meta, built the same way for every page type.

A page needs nothing of its own (a page type that is an article says `share_kind =
"article"`): the title is its SEO title or title, the description the
first of its search description, summary, standfirst or introduction, the image its
listing image, else the site's default card image. A view that serves something other
than the page itself (a blogger's profile) passes a `share` dict in the context that
overrides any of title, description, image, url and kind.
"""

from dataclasses import dataclass
from urllib.parse import urljoin

from django.templatetags.static import static
from django.utils.html import strip_tags
from django.utils.text import Truncator

from wagtail.models import Page, Site

# Twitter's and Facebook's large card: 1.91:1, at least 1200 wide for high-density screens.
CARD_RENDITION = "fill-1200x630"
DEFAULT_IMAGE = "img/share-card.png"  # 1200 × 630, in site/static
DEFAULT_IMAGE_ALT = "Guerilla Policy"
DESCRIPTION_FIELDS = ("search_description", "listing_summary", "standfirst", "introduction")


@dataclass(frozen=True)
class ShareCard:
    title: str
    description: str
    url: str
    image_url: str
    image_alt: str
    image_width: int
    image_height: int
    kind: str  # OpenGraph's og:type: "article", "profile" or "website"
    site_name: str


def plain(text: str, words: int = 50) -> str:
    """Rich text or plain text as one plain line of at most `words` words."""
    return Truncator(" ".join(strip_tags(str(text or "")).split())).words(words)


def page_description(page: Page) -> str:
    for name in DESCRIPTION_FIELDS:
        text = plain(getattr(page, name, ""))
        if text:
            return text
    return ""


def share_card(request, page: Page | None, overrides: dict | None = None) -> ShareCard | None:
    """The card for `page` as served to `request`; None when there is no page (a view of
    our own, such as search, shows no card) or no request (a page rendered for an email)."""
    overrides = overrides or {}
    if page is None or request is None:
        return None
    site = Site.find_for_request(request)
    root = site.root_url if site else request.build_absolute_uri("/")

    image = overrides.get("image", getattr(page, "listing_image", None))
    if image is not None:
        rendition = image.get_rendition(CARD_RENDITION)
        image_url, width, height = rendition.url, rendition.width, rendition.height
        image_alt = image.default_alt_text or ""
    else:
        image_url, width, height, image_alt = static(DEFAULT_IMAGE), 1200, 630, DEFAULT_IMAGE_ALT

    return ShareCard(
        title=overrides.get("title") or page.seo_title or page.title,
        description=plain(overrides["description"])
        if "description" in overrides
        else page_description(page),
        # As the canonical link; a page outside any site (a preview) has no address of its own.
        url=overrides.get("url") or page.full_url or request.build_absolute_uri(),
        image_url=urljoin(root + "/", image_url),
        image_alt=image_alt,
        image_width=width,
        image_height=height,
        kind=overrides.get("kind") or getattr(page, "share_kind", "website"),
        site_name=(site.site_name if site else "") or "Guerilla Policy",
    )
