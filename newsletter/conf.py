"""The newsletter's settings, each with a default, read when used (tests may override them)."""

from django.conf import settings


def send_on_publish() -> bool:
    """True: publishing a roundup mails it. False: an editor presses "Send to subscribers"."""
    return getattr(settings, "NEWSLETTER_SEND_ON_PUBLISH", False)


def batch_size() -> int:
    """Messages one task sends before it hands the rest to the next task."""
    return getattr(settings, "NEWSLETTER_BATCH_SIZE", 200)


def rate_per_second() -> float:
    """The most messages a second a worker sends (0: as fast as the mail server takes them)."""
    return getattr(settings, "NEWSLETTER_RATE_PER_SECOND", 10)


def from_email() -> str:
    return getattr(settings, "NEWSLETTER_FROM_EMAIL", "") or settings.DEFAULT_FROM_EMAIL


def list_id() -> str:
    """RFC 2919 List-Id: a stable name for the list that mail filters can match."""
    return getattr(
        settings, "NEWSLETTER_LIST_ID", "Guerilla Policy roundup <roundup.guerillapolicy.org>"
    )


def confirm_max_age() -> int:
    """Seconds a confirmation link stays valid."""
    return getattr(settings, "NEWSLETTER_CONFIRM_MAX_AGE", 7 * 24 * 60 * 60)


def link_max_age() -> int:
    """Seconds a preferences or unsubscribe link in an email stays valid."""
    return getattr(settings, "NEWSLETTER_LINK_MAX_AGE", 400 * 24 * 60 * 60)


def stale_after_seconds() -> int:
    """A delivery "sending" for longer than this belonged to a worker that died: the next
    `resume_mailings` queues it again. Longer than one batch takes at the configured rate."""
    return getattr(settings, "NEWSLETTER_STALE_AFTER_SECONDS", 10 * 60)
