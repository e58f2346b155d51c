"""Background work, through Django's tasks API: nothing is mailed inside a request."""

from django_tasks import task

from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string

from newsletter import conf, links
from newsletter.compose import Edition, RoundupEmail, essays_since
from newsletter.models import Mailing, Subscriber
from roundups.models import RoundupPage


@task()
def send_confirmation(subscriber_id: int) -> None:
    """Mail the confirmation link, or, to someone already subscribed, their preferences
    link (so the form never says who is subscribed)."""
    subscriber = Subscriber.objects.filter(pk=subscriber_id).first()
    if subscriber is None:
        return
    root = links.site_root()
    context = {
        "subscriber": subscriber,
        "confirm_url": links.confirm_url(subscriber, root),
        "preferences_url": links.preferences_url(subscriber, root),
        "max_age_days": conf.confirm_max_age() // (24 * 60 * 60),
    }
    kind = "already_subscribed" if subscriber.confirmed else "confirm"
    subject = (
        "Your subscription to the roundup"
        if subscriber.confirmed
        else "Confirm your subscription to the roundup"
    )
    message = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string(f"newsletter/email/{kind}.txt", context),
        from_email=conf.from_email(),
        to=[subscriber.email],
    )
    message.send()


def draft_email(page_id: int) -> RoundupEmail:
    """The roundup as it stands in its latest revision (drafts included), with the essays a
    mailing started now would carry."""
    roundup = RoundupPage.objects.get(pk=page_id).get_latest_revision_as_object()
    last = Mailing.objects.order_by("-created_at").first()
    return RoundupEmail(roundup, essays_since(last.created_at if last else None))


@task()
def send_test(page_id: int, sector_ids: list[int] | None, essays: bool, to: str) -> None:
    """An editor's test copy of a roundup for the sectors they chose."""
    edition = Edition(
        frozenset(sector_ids) if sector_ids is not None else None, essays, notify_empty=True
    )
    message = draft_email(page_id).test_message(edition, to)
    message.subject = f"[Test] {message.subject}"
    message.send()
