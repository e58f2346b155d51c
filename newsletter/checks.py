"""Start-up checks of the sending settings, so a mistake shows when the site or worker
starts (and in `make deploy`'s `check --deploy`) rather than halfway through a mailing."""

from django.core import checks

from newsletter import conf


@checks.register()
def sending_settings(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """A worker takes NEWSLETTER_BATCH_SIZE deliveries and marks them "sending", then
    sends them at NEWSLETTER_RATE_PER_SECOND. `resume_mailings` treats deliveries still
    "sending" after NEWSLETTER_STALE_AFTER_SECONDS as a dead worker's and queues them
    again; if one batch takes longer than that, the end of a live worker's batch would
    be queued again and some readers would get the roundup twice."""
    batch, rate, stale = conf.batch_size(), conf.rate_per_second(), conf.stale_after_seconds()
    impossible = [
        (
            batch < 1,
            f"NEWSLETTER_BATCH_SIZE is {batch}: a worker must take at least one delivery "
            "at a time.",
            "Set it to 1 or more (200 by default).",
            "newsletter.E001",
        ),
        (
            rate < 0,
            f"NEWSLETTER_RATE_PER_SECOND is {rate}: it cannot be negative.",
            "Set your mail provider's limit, or 0 for no limit.",
            "newsletter.E002",
        ),
        (
            stale < 1,
            f"NEWSLETTER_STALE_AFTER_SECONDS is {stale}: it must be at least 1 second.",
            "Leave it at 600 unless a batch takes longer to send.",
            "newsletter.E003",
        ),
    ]
    errors = [
        checks.Error(message, hint=hint, id=check_id)
        for wrong, message, hint, check_id in impossible
        if wrong
    ]
    if batch >= 1 and rate > 0 and stale >= 1 and batch / rate >= stale:
        errors.append(
            checks.Error(
                f"One batch of {batch} messages at {rate:g} a second takes {batch / rate:g} "
                f"seconds, no less than NEWSLETTER_STALE_AFTER_SECONDS ({stale}): "
                "resume_mailings would queue the end of a batch still being sent, and some "
                "readers would get the roundup twice.",
                hint="Lower NEWSLETTER_BATCH_SIZE, or raise NEWSLETTER_STALE_AFTER_SECONDS "
                f"above {batch / rate:g} (twice that leaves room for a slow mail server).",
                id="newsletter.E004",
            )
        )
    return errors
