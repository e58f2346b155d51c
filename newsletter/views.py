"""Public pages: subscribe, confirm, preferences and one-click unsubscribe (RFC 8058).

Every answer to a subscription is the same "check your inbox" page, whether the
address is new, waiting for confirmation or already subscribed, so the form cannot
be used to learn who subscribes.
"""

from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from core.limits import take_slot
from core.net import client_ip, sent_from_this_site, stored_ip
from newsletter import tokens
from newsletter.forms import PreferencesForm, SubscribeForm
from newsletter.models import Subscriber
from newsletter.tasks import send_confirmation

PER_NETWORK_ADDRESS_PER_HOUR = 10
PER_EMAIL_PER_DAY = 3
HOUR = 60 * 60
DAY = 24 * HOUR


def render(request, template: str, context: dict | None = None, status: int = 200):
    return TemplateResponse(request, f"newsletter/{template}", context or {}, status=status)


def record_subscription(form: SubscribeForm, address: str | None) -> Subscriber:
    """Store (or refresh) the request; a confirmed subscriber keeps their current choices."""
    email = form.cleaned_data["email"]
    subscriber = Subscriber.objects.filter(email=email).first()
    if subscriber is not None and subscriber.confirmed:
        return subscriber
    subscriber = subscriber or Subscriber(email=email)
    subscriber.all_sectors = not form.cleaned_data["sectors"]
    subscriber.essays = form.cleaned_data["essays"]
    subscriber.notify_empty = form.cleaned_data["notify_empty"]
    subscriber.consented_at = timezone.now()
    subscriber.consent_address = address
    subscriber.save()
    subscriber.sectors.set(form.cleaned_data["sectors"])
    return subscriber


def refused_elsewhere(request):
    """A post from another site (or one that cannot show where it came from): nothing
    stored or sent; the form again on this site's own page, with what was typed."""
    typed = SubscribeForm(
        initial={
            "email": request.POST.get("email", "")[:254],
            "sectors": request.POST.getlist("sectors"),
            "essays": bool(request.POST.get("essays")),
            "notify_empty": bool(request.POST.get("notify_empty")),
        }
    )
    return render(request, "subscribe.html", {"form": typed, "elsewhere": True}, status=403)


@csrf_exempt  # no token in the cached box: `sent_from_this_site` guards the post instead
@require_http_methods(["GET", "POST"])
def subscribe(request):
    """GET: the form on its own page. POST: check it came from this site, validate,
    throttle, store, mail the link."""
    if request.method == "GET":
        return render(request, "subscribe.html", {"form": SubscribeForm()})
    if not sent_from_this_site(request):
        return refused_elsewhere(request)
    form = SubscribeForm(request.POST)
    if not form.is_valid():
        return render(request, "subscribe.html", {"form": form}, status=400)
    if form.is_bot():
        return render(request, "check_inbox.html", {"email": form.cleaned_data["email"]})
    email = form.cleaned_data["email"]
    allowed = take_slot(
        f"newsletter:subscribe:ip:{client_ip(request)}", PER_NETWORK_ADDRESS_PER_HOUR, HOUR
    ) and take_slot(f"newsletter:subscribe:email:{email}", PER_EMAIL_PER_DAY, DAY)
    if not allowed:
        return render(request, "subscribe.html", {"form": form, "rate_limited": True}, status=429)
    with transaction.atomic():
        subscriber = record_subscription(form, stored_ip(request))
        # Enqueued in the same transaction: with the database queue, both or neither.
        send_confirmation.enqueue(subscriber.pk)
    return render(request, "check_inbox.html", {"email": email})


def link_problem(request, error: Exception):
    if isinstance(error, tokens.LinkExpired):
        return render(request, "link_problem.html", {"expired": True}, status=410)
    if isinstance(error, tokens.SubscriberGone):
        return render(request, "link_problem.html", {"gone": True}, status=410)
    return render(request, "link_problem.html", {}, status=400)


@require_http_methods(["GET", "POST"])
def confirm(request, token: str):
    """GET shows a button; POST confirms. (Mail scanners follow links; they do not POST.)"""
    try:
        subscriber = tokens.read_token(token, tokens.CONFIRM)
    except (tokens.LinkExpired, tokens.LinkInvalid, tokens.SubscriberGone) as error:
        return link_problem(request, error)
    if request.method == "POST" and not subscriber.confirmed:
        subscriber.confirmed_at = timezone.now()
        subscriber.save(update_fields=["confirmed_at"])
    context = {
        "subscriber": subscriber,
        "preferences_token": tokens.make_token(subscriber, tokens.MANAGE),
    }
    template = "confirmed.html" if subscriber.confirmed else "confirm.html"
    return render(request, template, context)


@require_http_methods(["GET", "POST"])
def preferences(request, token: str):
    try:
        subscriber = tokens.read_token(token, tokens.MANAGE)
    except (tokens.LinkExpired, tokens.LinkInvalid, tokens.SubscriberGone) as error:
        return link_problem(request, error)
    if request.method == "POST" and "leave" in request.POST:
        subscriber.delete()
        return render(request, "unsubscribed.html")
    data = request.POST if request.method == "POST" else None
    form = PreferencesForm(data, instance=subscriber)
    if request.method == "POST":
        if form.is_valid():
            form.save()
            return redirect(f"{request.path}?saved=1")
        status = 400
    else:
        status = 200
    context = {
        "form": form,
        "subscriber": subscriber,
        "token": token,
        "saved": request.GET.get("saved") == "1",
    }
    return render(request, "preferences.html", context, status=status)


@csrf_exempt  # RFC 8058: mail clients POST with no cookie; the signed token is the proof
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token: str):
    """GET asks "leave?" with a button; POST (from that button or a mail client's
    one-click unsubscribe) deletes the subscriber and everything about them."""
    try:
        subscriber = tokens.read_token(token, tokens.MANAGE)
    except tokens.SubscriberGone:
        return render(request, "unsubscribed.html")
    except (tokens.LinkExpired, tokens.LinkInvalid) as error:
        return link_problem(request, error)
    if request.method == "POST":
        subscriber.delete()
        return render(request, "unsubscribed.html")
    return render(request, "unsubscribe.html", {"subscriber": subscriber, "token": token})
