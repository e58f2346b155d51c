"""The inbox action that drafts an excerpt from a reader's suggestion."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import escape
from django.views.decorators.http import require_http_methods

from wagtail.admin.utils import get_valid_next_url_from_request

from people.models import Blogger
from roundups.forms import SuggestionExcerptForm
from roundups.linkreading import excerpt_from_link_script
from roundups.models import ReaderSuggestion, RoundupPage

INBOX_URL_NAME = "roundups_readersuggestion_modeladmin_index"


def next_draft_roundup() -> RoundupPage | None:
    """The roundup editors are assembling: next week's, the first draft after the last
    published week. A stray draft for a later week (an abandoned autosave, say) is not
    picked while next week's exists, and older drafts never are."""
    drafts = RoundupPage.objects.filter(live=False)
    last_live = RoundupPage.objects.filter(live=True).order_by("-week_ending").first()
    if last_live is not None:
        drafts = drafts.filter(week_ending__gt=last_live.week_ending)
    return drafts.order_by("week_ending", "-latest_revision_created_at", "-pk").first()


def match_blogger(name: str) -> Blogger | None:
    """The blogger a reader named, when exactly one name or blog name matches."""
    name = name.strip().lstrip("@")
    if not name:
        return None
    matches = list(
        Blogger.objects.filter(name__iexact=name)
        | Blogger.objects.filter(blog_name__iexact=name)
        | Blogger.objects.filter(twitter_handle__iexact=name)
        | Blogger.objects.filter(twitter_handle__iexact=f"@{name}")
    )
    return matches[0] if len(matches) == 1 else None


@require_http_methods(["GET", "POST"])
@permission_required("roundups.change_readersuggestion", raise_exception=True)
def add_suggestion_to_roundup(request, pk: int):
    """Confirm (GET), then append the suggestion as an excerpt to the latest draft roundup
    as a new revision (POST). Nothing is published."""
    suggestion = get_object_or_404(ReaderSuggestion, pk=pk)
    back = get_valid_next_url_from_request(request) or reverse(INBOX_URL_NAME)
    if suggestion.status == ReaderSuggestion.Status.USED:
        messages.warning(request, f"This suggestion is already in “{suggestion.roundup}”.")
        return redirect(back)
    roundup = next_draft_roundup()
    if roundup is None:
        messages.error(
            request,
            "There is no draft roundup to add it to: create next week's roundup first.",
        )
        return redirect(back)
    if not roundup.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    named = match_blogger(suggestion.blog)
    form = SuggestionExcerptForm(
        request.POST if request.method == "POST" else None,
        initial={"url": suggestion.post_url, "blogger": named},
    )
    if request.method == "GET" or not form.is_valid():
        return TemplateResponse(
            request,
            "roundups/admin/add_to_roundup.html",
            {
                "suggestion": suggestion,
                "roundup": roundup,
                "blogger": named,
                "form": form,
                "next": back,
                "page_title": "Add to the draft roundup",
                "header_icon": "openquote",
                "script": excerpt_from_link_script(),
            },
        )
    found = form.cleaned_data
    with transaction.atomic():
        draft = roundup.get_latest_revision_as_object()
        blogger = found.get("blogger") or named
        sector = found.get("sector")
        posted_on = found.get("posted_on")
        block = draft.excerpts.stream_block.child_blocks["excerpt"]
        value = block.to_python(
            {
                "title": found.get("title") or "",
                "url": found.get("url") or suggestion.post_url,
                "blogger": blogger.pk if blogger else None,
                "author": found.get("author") or "",
                "posted_on": posted_on.isoformat() if posted_on else None,
                "quote": found.get("quote") or "",
                "commentary": f"<p>{escape(suggestion.reason)}</p>",
                "sector": sector.pk if sector else None,
                "suggested_by": suggestion.credit_name,
            }
        )
        draft.excerpts.append(("excerpt", value))
        draft.refresh_summary()
        # The excerpt still needs its quote and date: a draft may be incomplete, and
        # publishing runs the full validation.
        draft.save_revision(user=request.user, clean=False, log_action=True)
        suggestion.status = ReaderSuggestion.Status.USED
        suggestion.roundup = roundup
        suggestion.save(update_fields=["status", "roundup"])
    messages.success(
        request,
        f"Added to the draft “{draft.title}”: check the excerpt and add your commentary "
        "before publishing.",
    )
    return redirect(reverse("wagtailadmin_pages:edit", args=[roundup.pk]))
