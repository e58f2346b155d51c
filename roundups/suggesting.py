"""The "Suggest a post" page's handling of the form, with a limit per reader's address."""

from django.shortcuts import redirect
from django.template.response import TemplateResponse

from core.limits import take_address_slot
from roundups.forms import SuggestionForm

SUGGESTIONS_PER_HOUR = 5
RATE_WINDOW_SECONDS = 60 * 60


def take_submission_slot(request) -> bool:
    """Count one suggestion from the reader's address; False when that is over the limit."""
    return take_address_slot(
        request, "roundups:suggestions", SUGGESTIONS_PER_HOUR, RATE_WINDOW_SECONDS
    )


def serve_suggestion_page(page, request, *args, **kwargs):
    """GET shows the form (or the thanks after a redirect); POST validates and stores."""
    status = 200
    rate_limited = False
    if request.method == "POST":
        form = SuggestionForm(request.POST)
        if not form.is_valid():
            status = 400
        elif not take_submission_slot(request):
            rate_limited = True
            status = 429
        else:
            form.save()
            return redirect(f"{page.url}?sent=1")
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
