"""The admin's "paste a link" endpoints: read a post's details for an excerpt, and add its
blogger in place when the site does not know them yet.

Both answer JSON to the editor's script (`roundups/js/excerpt-from-link.js`), only to
people who assemble roundups, only by POST with the CSRF token. A page that cannot be
read is not an error: the answer says why, in plain words, and the editor types instead.
"""

from django.conf import settings
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import HttpRequest, JsonResponse
from django.urls import reverse
from django.utils.html import format_html
from django.views.decorators.http import require_POST

from wagtail.admin.staticfiles import versioned_static

from core.fetching import FetchRefused, fetch_page
from people.models import Blogger, Sector
from roundups.postdetails import address_key, blogger_for_address, extract_post_details

EDITOR_PERMISSION = "roundups.change_readersuggestion"


def excerpt_from_link_script() -> str:
    """The editor's script, told where its two endpoints are."""
    return format_html(
        '<script src="{}" data-details-url="{}" data-blogger-url="{}" defer></script>',
        versioned_static("roundups/js/excerpt-from-link.js"),
        reverse("roundups_post_details"),
        reverse("roundups_add_blogger"),
    )


def chooser_state(obj, model_name: str) -> dict:
    """What a snippet chooser widget shows for `obj` (its `setState` argument)."""
    return {
        "id": obj.pk,
        "string": str(obj),
        "edit_url": reverse(f"wagtailsnippets_people_{model_name}:edit", args=[obj.pk]),
    }


def blogger_state(blogger: Blogger) -> dict:
    sector = blogger.default_sector
    return {
        **chooser_state(blogger, "blogger"),
        "sector": chooser_state(sector, "sector") if sector else None,
    }


def known_blogger(post_url: str) -> Blogger | None:
    host, _ = address_key(post_url)
    if not host:
        return None
    candidates = Blogger.objects.filter(blog_url__icontains=host).prefetch_related("sectors")
    return blogger_for_address(post_url, candidates)


@require_POST
@permission_required(EDITOR_PERMISSION, raise_exception=True)
def post_details(request: HttpRequest) -> JsonResponse:
    """The details of the post at POST["url"], or a message saying why there are none."""
    url = request.POST.get("url", "").strip()
    try:
        page = fetch_page(url)
    except FetchRefused as refusal:
        return JsonResponse({"ok": False, "message": f"{refusal} Fill in the excerpt by hand."})
    details = extract_post_details(page.content, page.url, page.charset)
    blogger = known_blogger(url) or known_blogger(page.url)
    posted_on = details.posted_on
    return JsonResponse(
        {
            "ok": True,
            "url": page.url,
            "title": details.title,
            "author": details.author,
            "posted_on": posted_on.strftime(settings.WAGTAIL_DATE_FORMAT) if posted_on else "",
            "blog_name": details.blog_name,
            "blog_url": details.blog_url,
            "paragraphs": details.paragraphs,
            "blogger": blogger_state(blogger) if blogger else None,
            "new_blogger": None
            if blogger
            else {
                "name": details.blog_name or details.author,
                "blog_name": details.blog_name,
                "blog_url": details.blog_url,
                "sectors": [chooser_state(sector, "sector") for sector in Sector.objects.all()],
            },
        }
    )


@require_POST
@permission_required("people.add_blogger", raise_exception=True)
def add_blogger(request: HttpRequest) -> JsonResponse:
    """Create the blogger the editor confirmed (name, blog name and address, a sector), or
    return the existing profile with that name or blog address instead of a duplicate."""
    name = " ".join(request.POST.get("name", "").split())[:120]
    blog_name = " ".join(request.POST.get("blog_name", "").split())[:200]
    blog_url = request.POST.get("blog_url", "").strip()
    if not name:
        return JsonResponse({"ok": False, "message": "Give the blogger's name."}, status=400)
    existing = Blogger.objects.filter(Q(name__iexact=name) | Q(blog_url__iexact=blog_url or "-"))
    blogger = existing.prefetch_related("sectors").first()
    if blogger is None:
        blogger = Blogger(name=name, blog_name=blog_name, blog_url=blog_url)
        try:
            blogger.full_clean()
        except ValidationError as error:
            return JsonResponse({"ok": False, "message": " ".join(error.messages)}, status=400)
        blogger.save()
        sector_id = request.POST.get("sector", "")
        sector = Sector.objects.filter(pk=int(sector_id)).first() if sector_id.isdigit() else None
        if sector is not None:
            blogger.sectors.add(sector)
        blogger = Blogger.objects.prefetch_related("sectors").get(pk=blogger.pk)
    return JsonResponse({"ok": True, "blogger": blogger_state(blogger)})
