"""The newsletter in the admin: each roundup's preview, test send, send and delivery report.

Editors and administrators only (the `newsletter.add_mailing` permission, which the
Editors group has); guest bloggers and anonymous visitors are refused.
"""

from csp.constants import NONE, SELF, UNSAFE_INLINE
from csp.decorators import csp

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_GET, require_POST

from newsletter import conf
from newsletter.compose import Edition
from newsletter.forms import SectorsField
from newsletter.models import Delivery, Mailing
from newsletter.sending import resume_mailings, retry_failed, start_mailing
from newsletter.tasks import draft_email, send_test
from roundups.models import RoundupPage

SEND = "newsletter.add_mailing"
RECENT_ROUNDUPS = 20
FAILURES_SHOWN = 200


class PreviewForm(forms.Form):
    sectors = SectorsField(help_text="Preview as a subscriber to these sectors; none: all.")
    essays = forms.BooleanField(required=False, label="With the new essays")

    def edition_args(self) -> tuple[list[int] | None, bool]:
        sectors = self.cleaned_data["sectors"] if self.is_valid() else []
        essays = self.cleaned_data.get("essays", False) if self.is_valid() else False
        return ([sector.pk for sector in sectors] or None), essays


def report_url(page: RoundupPage) -> str:
    return reverse("newsletter_roundup", args=[page.pk])


@require_GET
@permission_required(SEND, raise_exception=True)
def roundup_list(request):
    """Recent roundups and how far each one's mailing has gone."""
    roundups = list(RoundupPage.objects.order_by("-week_ending", "-pk")[:RECENT_ROUNDUPS])
    mailings = Mailing.objects.filter(roundup__in=roundups).in_bulk(field_name="roundup_id")
    rows = [(page, mailings.get(page.pk)) for page in roundups]
    return TemplateResponse(
        request,
        "newsletter/admin/roundup_list.html",
        {"rows": rows, "page_title": "Roundup emails", "header_icon": "mail"},
    )


@require_GET
@permission_required(SEND, raise_exception=True)
def roundup_report(request, page_id: int):
    page = get_object_or_404(RoundupPage, pk=page_id)
    mailing = Mailing.objects.filter(roundup=page).first()
    form = PreviewForm(request.GET or None)
    counts = mailing.counts() if mailing else {}
    failures = (
        mailing.deliveries.filter(state=Delivery.State.FAILED)
        .select_related("subscriber")
        .order_by("-updated_at")[:FAILURES_SHOWN]
        if mailing
        else []
    )
    return TemplateResponse(
        request,
        "newsletter/admin/roundup_report.html",
        {
            "page": page,
            "mailing": mailing,
            "counts": [(Delivery.State(state).label, number) for state, number in counts.items()],
            "failures": failures,
            "form": form,
            "preview_query": request.GET.urlencode(),
            "send_on_publish": conf.send_on_publish(),
            "page_title": f"Email: {page.title}",
            "header_icon": "mail",
        },
    )


# The email in the admin's preview frame: its own styles are inline (as mail clients need),
# its images may be anywhere a blogger's are, and nothing in it may run or submit.
PREVIEW_POLICY = {
    "default-src": [NONE],
    "style-src": [UNSAFE_INLINE],
    "img-src": [SELF, "https:", "data:"],
    "base-uri": [NONE],
    "form-action": [NONE],
    "frame-ancestors": [SELF],
    "sandbox": ["allow-popups", "allow-popups-to-escape-sandbox"],
}


@require_GET
@permission_required(SEND, raise_exception=True)
@xframe_options_sameorigin
@csp(PREVIEW_POLICY)
def roundup_preview(request, page_id: int):
    """The email itself, as HTML (for the preview frame) or plain text (?format=text)."""
    page = get_object_or_404(RoundupPage, pk=page_id)
    sector_ids, essays = PreviewForm(request.GET).edition_args()
    edition = Edition(frozenset(sector_ids) if sector_ids else None, essays, notify_empty=True)
    rendered = draft_email(page.pk).preview(edition)
    if request.GET.get("format") == "text":
        return HttpResponse(rendered.text, content_type="text/plain; charset=utf-8")
    return HttpResponse(rendered.html)


@require_POST
@permission_required(SEND, raise_exception=True)
def roundup_send_test(request, page_id: int):
    page = get_object_or_404(RoundupPage, pk=page_id)
    form = PreviewForm(request.POST)
    if not request.user.email:
        messages.error(request, "Your account has no email address: add one under Account.")
    else:
        sector_ids, essays = form.edition_args()
        send_test.enqueue(page.pk, sector_ids, essays, request.user.email)
        messages.success(request, f"A test copy is on its way to {request.user.email}.")
    return redirect(report_url(page))


@require_POST
@permission_required(SEND, raise_exception=True)
def roundup_send(request, page_id: int):
    page = get_object_or_404(RoundupPage, pk=page_id)
    if not page.live:
        messages.error(request, "Publish the roundup first: subscribers get what is live.")
        return redirect(report_url(page))
    _, created = start_mailing(page, request.user)
    if created:
        messages.success(request, "Sending to subscribers: the report below fills in as it goes.")
    else:
        messages.warning(request, "This roundup has already been sent; nobody gets it twice.")
    return redirect(report_url(page))


@require_POST
@permission_required(SEND, raise_exception=True)
def roundup_resume(request, page_id: int):
    page = get_object_or_404(RoundupPage, pk=page_id)
    mailing = get_object_or_404(Mailing, roundup=page)
    if "retry" in request.POST:
        count = retry_failed(mailing)
        messages.success(request, f"Trying {count} failed deliveries again.")
    else:
        if mailing in resume_mailings():
            messages.success(request, "Sending resumed where it stopped.")
        else:
            messages.info(request, "It is still sending: the report below fills in as it goes.")
    return redirect(report_url(page))
