"""The "Suggest a post" page's handling of the form, with a limit per reader's address."""

from django.core.cache import cache
from django.shortcuts import redirect
from django.template.response import TemplateResponse

from roundups.forms import SuggestionForm

SUGGESTIONS_PER_HOUR = 5
RATE_WINDOW_SECONDS = 60 * 60


def rate_limit_key(request) -> str:
    # REMOTE_ADDR, not X-Forwarded-For, which any client can forge; a deployment behind
    # a proxy must make REMOTE_ADDR the reader's address.
    return f"roundups:suggestions:{request.META.get('REMOTE_ADDR', 'unknown')}"


def over_rate_limit(request) -> bool:
    return cache.get(rate_limit_key(request), 0) >= SUGGESTIONS_PER_HOUR


def count_submission(request) -> None:
    key = rate_limit_key(request)
    if cache.add(key, 1, RATE_WINDOW_SECONDS):
        return
    try:
        cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, RATE_WINDOW_SECONDS)


def serve_suggestion_page(page, request, *args, **kwargs):
    """GET shows the form (or the thanks after a redirect); POST validates and stores."""
    status = 200
    rate_limited = False
    if request.method == "POST":
        form = SuggestionForm(request.POST)
        if over_rate_limit(request):
            rate_limited = True
            status = 429
        elif form.is_valid():
            form.save()
            count_submission(request)
            return redirect(f"{page.url}?sent=1")
        else:
            status = 400
    else:
        form = SuggestionForm()
    context = page.get_context(request, *args, **kwargs)
    context.update(
        {
            "form": form,
            "sent": request.method == "GET" and request.GET.get("sent") == "1",
            "rate_limited": rate_limited,
            "limit_per_hour": SUGGESTIONS_PER_HOUR,
        }
    )
    return TemplateResponse(request, page.get_template(request), context, status=status)
