"""Mailing a roundup to every subscriber, through Django's tasks API, surviving faults.

`start_mailing` records the mailing (one per roundup) and enqueues `prepare_mailing`,
which writes one queued delivery per receiving subscriber (a unique pair, so doing
it twice adds nobody twice), then `send_deliveries`. That task sends in batches at
the configured rate, claiming each delivery (queued → sending) by an update that
only one worker can win, and recording the outcome (sent, skipped, failed with the
reason) right after the mail server answers. A worker killed in the middle leaves
queued deliveries queued; `resume_mailings` (run it from cron, or press "Resume" in
the admin) carries on from there, so nobody is skipped and nobody who was recorded
as sent gets it again.

No mail system can know whether the one message in flight at the moment of a kill
(handed to the mail server, not yet recorded) arrived. `resume_mailings` sends that
one again rather than skip its reader, with the same Message-ID, which lets mail
servers and clients recognise the repeat.
"""

import smtplib
import time
import uuid
from datetime import timedelta
from functools import lru_cache
from itertools import islice

from django_tasks import task

from django.db import transaction
from django.utils import timezone

from core.mail import delivery_connection
from newsletter import conf
from newsletter.chains import chain_alive
from newsletter.compose import RoundupEmail, delivery_message_id, essays_since
from newsletter.models import Delivery, Mailing, Subscriber
from roundups.models import RoundupPage

# A task hands over to a fresh one after this long, so no task runs for hours.
TASK_SECONDS = 60
QUEUE_CHUNK = 2000
# SMTP 421: the server is closing the whole connection, not refusing this message.
SMTP_SERVICE_UNAVAILABLE = 421
# The server turning away the connection itself, whatever the message.
SMTP_SERVER_WIDE = (
    smtplib.SMTPConnectError,
    smtplib.SMTPHeloError,
    smtplib.SMTPAuthenticationError,
)
# HTTP answers that mean "not now" rather than "not this message": 408 timed out,
# 429 too many requests.
HTTP_TRY_LATER = {408, 429}
State = Delivery.State


class MailServiceDown(OSError):
    """The mail server or provider could not take messages just now (not this message's
    fault): the batch goes back in the queue and the task fails, to be retried."""


def start_mailing(roundup: RoundupPage, user=None) -> tuple[Mailing, bool]:
    """Begin mailing a live roundup; (the mailing, False) if it had already begun."""
    previous = Mailing.objects.order_by("-created_at").first()
    with transaction.atomic():
        mailing, created = Mailing.objects.get_or_create(
            roundup=roundup,
            defaults={
                "started_by": user,
                "essay_ids": essays_since(
                    previous.created_at if previous else timezone.now() - timedelta(days=7)
                ),
            },
        )
        if created:
            prepare_mailing.enqueue(mailing.pk)
    return mailing, created


@task()
def prepare_mailing(mailing_id: int) -> None:
    """One queued delivery per confirmed, unpaused subscriber, then start sending."""
    mailing = Mailing.objects.filter(pk=mailing_id).first()
    if mailing is None:
        return
    receiving = Subscriber.objects.receiving().order_by("pk").values_list("pk", flat=True)
    ids = receiving.iterator(chunk_size=QUEUE_CHUNK)
    while chunk := list(islice(ids, QUEUE_CHUNK)):
        Delivery.objects.bulk_create(
            [Delivery(mailing=mailing, subscriber_id=pk) for pk in chunk], ignore_conflicts=True
        )
    Mailing.objects.filter(pk=mailing_id, prepared_at=None).update(prepared_at=timezone.now())
    send_deliveries.enqueue(mailing_id)


@lru_cache(maxsize=1)
def composer(mailing_id: int, started: str, roundup_revision: int | None) -> RoundupEmail:
    """The mailing's editions, kept while a worker sends the same mailing batch after batch
    (and rebuilt if the roundup is republished meanwhile)."""
    mailing = Mailing.objects.select_related("roundup").get(pk=mailing_id)
    return RoundupEmail(mailing.roundup, mailing.essay_ids)


class Pacer:
    """Waits as needed to keep to `rate` messages a second (0: no waiting)."""

    def __init__(self, rate: float):
        self.interval = 1 / rate if rate else 0
        self.next_at = time.monotonic()

    def wait(self) -> None:
        if not self.interval:
            return
        delay = self.next_at - time.monotonic()
        if delay > 0:
            time.sleep(delay)
        self.next_at = max(self.next_at, time.monotonic()) + self.interval


def record(delivery_id: int, state: str, reason: str = "", message_id: str = "") -> None:
    Delivery.objects.filter(pk=delivery_id).update(
        state=state, reason=reason[:2000], message_id=message_id, updated_at=timezone.now()
    )


def claim_batch(mailing: Mailing) -> tuple[str, list[Delivery]]:
    """Take the next queued deliveries for this worker alone: the conditional update
    marks only rows still queued, so two workers never take the same one."""
    claim = uuid.uuid4().hex
    ids = list(
        mailing.deliveries.filter(state=State.QUEUED)
        .order_by("pk")
        .values_list("pk", flat=True)[: conf.batch_size()]
    )
    Delivery.objects.filter(pk__in=ids, state=State.QUEUED).update(
        state=State.SENDING, claim=claim, updated_at=timezone.now()
    )
    batch = (
        Delivery.objects.filter(claim=claim, state=State.SENDING)
        .select_related("subscriber")
        .prefetch_related("subscriber__sectors")
        .order_by("pk")
    )
    return claim, list(batch)


def as_text(reply: bytes | str) -> str:
    return reply.decode(errors="replace") if isinstance(reply, bytes) else str(reply)


def refusal(error: Exception) -> str | None:
    """Why the mail server or provider refused this one message, or None when the
    trouble is theirs (unreachable, timed out, overloaded) and the batch must wait.

    A refusal is recorded against its reader and the mailing goes on; anything else
    halts the batch for a retry, so one bad address never holds up everyone else and
    an outage never marks everyone failed. Provider errors (django-anymail's, which an
    installation adds only when it uses a provider) are told apart by their HTTP
    `status_code`, so this works without importing them.
    """
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        answers = "; ".join(
            f"{address}: {code} {as_text(reply)}"
            for address, (code, reply) in error.recipients.items()
        )
        return f"Refused by the mail server: {answers or error}"
    if isinstance(error, SMTP_SERVER_WIDE):
        return None
    if isinstance(error, smtplib.SMTPResponseException):
        if error.smtp_code == SMTP_SERVICE_UNAVAILABLE:
            return None
        return f"Refused by the mail server: {error}"
    if isinstance(error, smtplib.SMTPNotSupportedError):
        return f"Refused by the mail server: {error}"
    status = getattr(error, "status_code", None)
    if isinstance(status, int):
        if status >= 500 or status in HTTP_TRY_LATER:
            return None
        return f"Refused by the mail provider ({status}): {error}"
    if isinstance(error, OSError):
        return None  # connection refused, reset, timed out: nothing wrong with this message
    # Anything else is about this message (an address the provider will not take, say).
    return f"{type(error).__name__}: {error}"


def send_one(email: RoundupEmail, delivery: Delivery, connection) -> None:
    """Send one claimed delivery and record what happened."""
    subscriber = delivery.subscriber
    if subscriber is None or subscriber.paused:
        reason = "They left before it was sent." if subscriber is None else "Paused."
        return record(delivery.pk, State.SKIPPED, reason)
    message_id = delivery_message_id(delivery.mailing_id, delivery.pk)
    try:
        message = email.message(subscriber, message_id, connection)
        if message is None:
            return record(delivery.pk, State.SKIPPED, "Nothing in their sectors this week.")
        message.send()
    except Exception as error:
        reason = refusal(error)
        if reason is None:
            raise MailServiceDown(str(error)) from error
        return record(delivery.pk, State.FAILED, reason)
    record(delivery.pk, State.SENT, message_id=message_id)


@task()
def send_deliveries(mailing_id: int) -> None:
    """Send queued deliveries batch by batch for up to TASK_SECONDS, then hand over.
    Connection trouble (the mail server down) puts the batch back in the queue and
    fails the task, to be retried or resumed."""
    mailing = Mailing.objects.select_related("roundup").filter(pk=mailing_id).first()
    if mailing is None or mailing.finished_at is not None:
        return
    email = composer(mailing_id, mailing.created_at.isoformat(), mailing.roundup.live_revision_id)
    pacer = Pacer(conf.rate_per_second())
    started = time.monotonic()
    while time.monotonic() - started < TASK_SECONDS:
        claim, batch = claim_batch(mailing)
        if not batch:
            finish_if_done(mailing)
            return
        try:
            with delivery_connection() as connection:
                for delivery in batch:
                    pacer.wait()
                    send_one(email, delivery, connection)
        except OSError:
            Delivery.objects.filter(claim=claim, state=State.SENDING).update(state=State.QUEUED)
            raise
    send_deliveries.enqueue(mailing_id)


def finish_if_done(mailing: Mailing) -> None:
    unfinished = mailing.deliveries.filter(state__in=[State.QUEUED, State.SENDING])
    if mailing.prepared_at and not unfinished.exists():
        Mailing.objects.filter(pk=mailing.pk, finished_at=None).update(finished_at=timezone.now())


def resume_mailings() -> list[Mailing]:
    """Carry on every unfinished mailing after a worker stopped; safe to run at any time,
    as often as cron likes: a mailing whose chain of tasks is still alive gets no second
    one (newsletter.chains). Each mailing's row is locked meanwhile, so two resumes at
    once (cron and an editor's button) cannot both start a chain."""
    stale = timezone.now() - timedelta(seconds=conf.stale_after_seconds())
    resumed = []
    for mailing_id in Mailing.objects.filter(finished_at=None).values_list("pk", flat=True):
        with transaction.atomic():
            mailing = Mailing.objects.select_for_update().filter(pk=mailing_id).first()
            if mailing is None or mailing.finished_at is not None:
                continue
            alive = chain_alive(mailing, [prepare_mailing.module_path, send_deliveries.module_path])
            mailing.deliveries.filter(state=State.SENDING, updated_at__lt=stale).update(
                state=State.QUEUED, updated_at=timezone.now()
            )
            if alive:
                continue
            if mailing.prepared_at is None:
                prepare_mailing.enqueue(mailing.pk)
            else:
                send_deliveries.enqueue(mailing.pk)
        resumed.append(mailing)
    return resumed


def retry_failed(mailing: Mailing) -> int:
    """Queue the mailing's failed deliveries again (an editor's decision); how many."""
    count = mailing.deliveries.filter(state=State.FAILED).update(
        state=State.QUEUED, reason="", updated_at=timezone.now()
    )
    if count:
        Mailing.objects.filter(pk=mailing.pk).update(finished_at=None)
        send_deliveries.enqueue(mailing.pk)
    return count
