"""Background work, through Django's tasks API: nothing is mailed inside a request."""

from django_tasks import task

from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string

from newsletter import conf, links
from newsletter.models import Subscriber


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
