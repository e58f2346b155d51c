"""Sending survives faults: a worker stopped mid-batch resumes with nobody skipped or
sent twice; refusals are recorded with their reason; publishing mails once if set."""

import smtplib
from collections import Counter
from datetime import timedelta

import pytest
import time_machine

from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.core.management import call_command
from django.utils import timezone

from newsletter.models import Delivery, Mailing
from newsletter.sending import resume_mailings, retry_failed

State = Delivery.State


class WorkerKilled(BaseException):
    """What the worker's process sees of a kill: nothing after this point runs."""


@pytest.fixture
def subscribers(make_subscriber):
    return [make_subscriber(f"reader{number:02}@example.org") for number in range(25)]


def kill_worker_at(monkeypatch, message_number: int, *, after_handing_over=False):
    """Stop the worker at the given message: before it reaches the mail server, or just
    after the server took it and before the worker could record so."""
    real_send = EmailBackend.send_messages
    seen = Counter()

    def send_messages(self, messages):
        seen["messages"] += 1
        if seen["messages"] == message_number:
            if after_handing_over:
                real_send(self, messages)
            monkeypatch.setattr(EmailBackend, "send_messages", real_send)
            raise WorkerKilled
        return real_send(self, messages)

    monkeypatch.setattr(EmailBackend, "send_messages", send_messages)


def copies_per_reader() -> Counter:
    return Counter(message.to[0] for message in mail.outbox)


@pytest.mark.django_db
def test_a_worker_stopped_mid_batch_resumes_without_duplicates_or_skips(
    roundup, subscribers, send_roundup, monkeypatch, settings
):
    settings.NEWSLETTER_BATCH_SIZE = 10
    kill_worker_at(monkeypatch, 14)  # the middle of the second batch
    mailing = send_roundup(roundup)
    assert len(mail.outbox) == 13
    assert mailing.counts()["sent"] == 13
    assert mailing.finished_at is None

    # The restarted worker (or cron's resume_mailings) finds the interrupted delivery
    # once it is stale, and the queued ones at once.
    with time_machine.travel(timezone.now() + timedelta(minutes=11)):
        call_command("resume_mailings", stdout=None)
    mailing.refresh_from_db()
    assert copies_per_reader() == {subscriber.email: 1 for subscriber in subscribers}
    assert mailing.counts()["sent"] == 25
    assert mailing.finished_at is not None
    # Resuming again sends nothing more.
    resume_mailings()
    assert len(mail.outbox) == 25


@pytest.mark.django_db
def test_a_message_in_flight_when_the_worker_died_is_sent_again_with_the_same_id(
    roundup, subscribers, send_roundup, monkeypatch
):
    kill_worker_at(monkeypatch, 5, after_handing_over=True)
    send_roundup(roundup)
    with time_machine.travel(timezone.now() + timedelta(minutes=11)):
        resume_mailings()
    copies = copies_per_reader()
    assert sorted(copies.values()) == [1] * 24 + [2]
    repeated = [m for m in mail.outbox if copies[m.to[0]] == 2]
    assert repeated[0].extra_headers["Message-ID"] == repeated[1].extra_headers["Message-ID"]


@pytest.mark.django_db
def test_resuming_early_leaves_deliveries_another_worker_may_be_sending(
    roundup, subscribers, send_roundup, monkeypatch
):
    kill_worker_at(monkeypatch, 5)
    mailing = send_roundup(roundup)
    resume_mailings()  # at once: the "sending" ones may belong to a live worker
    assert mailing.deliveries.filter(state=State.SENDING).count() == 21
    assert len(mail.outbox) == 4


@pytest.mark.django_db
def test_refused_addresses_are_recorded_with_the_reason_and_the_rest_still_go(
    roundup, subscribers, send_roundup, monkeypatch
):
    real_send = EmailBackend.send_messages

    def refuse_one(self, messages):
        if messages[0].to == ["reader03@example.org"]:
            raise smtplib.SMTPRecipientsRefused(
                {"reader03@example.org": (550, b"5.1.1 No such user")}
            )
        return real_send(self, messages)

    monkeypatch.setattr(EmailBackend, "send_messages", refuse_one)
    mailing = send_roundup(roundup)
    assert len(mail.outbox) == 24
    failed = mailing.deliveries.get(state=State.FAILED)
    assert failed.subscriber.email == "reader03@example.org"
    assert "No such user" in failed.reason
    assert mailing.finished_at is not None
    monkeypatch.setattr(EmailBackend, "send_messages", real_send)
    assert retry_failed(mailing) == 1
    assert copies_per_reader()["reader03@example.org"] == 1
    assert mailing.counts()["sent"] == 25


@pytest.mark.django_db
def test_with_the_site_mail_queue_a_refusal_is_still_recorded_against_the_reader(
    roundup, subscribers, send_roundup, monkeypatch, settings
):
    """Production queues ordinary mail through a task; the newsletter, already sending in
    a task, talks to the real mail backend so "sent" means the mail server took it."""
    settings.EMAIL_BACKEND = "core.mail.TaskEmailBackend"
    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    real_send = EmailBackend.send_messages

    def refuse_one(self, messages):
        if messages[0].to == ["reader07@example.org"]:
            raise smtplib.SMTPRecipientsRefused({"reader07@example.org": (550, b"No such user")})
        return real_send(self, messages)

    monkeypatch.setattr(EmailBackend, "send_messages", refuse_one)
    mailing = send_roundup(roundup)
    assert mailing.deliveries.get(state=State.FAILED).subscriber.email == "reader07@example.org"
    assert mailing.counts()["sent"] == 24 == len(mail.outbox)


@pytest.mark.django_db
def test_mail_server_down_leaves_deliveries_queued_for_later(
    roundup, subscribers, send_roundup, monkeypatch
):
    def unreachable(self, messages):
        raise ConnectionRefusedError(111, "Connection refused")

    monkeypatch.setattr(EmailBackend, "send_messages", unreachable)
    mailing = send_roundup(roundup)
    assert mailing.counts()["queued"] == 25
    monkeypatch.undo()
    resume_mailings()
    assert len(mail.outbox) == 25


@pytest.mark.django_db
def test_sending_twice_sends_once(roundup, subscribers, send_roundup):
    send_roundup(roundup)
    send_roundup(roundup)
    assert len(mail.outbox) == 25
    assert Mailing.objects.count() == 1


@pytest.mark.django_db
def test_publishing_mails_the_roundup_once_when_set(
    make_roundup, make_subscriber, settings, django_capture_on_commit_callbacks
):
    settings.NEWSLETTER_SEND_ON_PUBLISH = True
    make_subscriber("reader@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        roundup = make_roundup()
    assert [m.to for m in mail.outbox] == [["reader@example.org"]]
    with django_capture_on_commit_callbacks(execute=True):
        roundup.save_revision().publish()  # a correction
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_publishing_mails_nothing_when_editors_send_by_hand(
    make_roundup, make_subscriber, settings, django_capture_on_commit_callbacks
):
    settings.NEWSLETTER_SEND_ON_PUBLISH = False
    make_subscriber("reader@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        make_roundup()
    assert mail.outbox == []
    assert not Mailing.objects.exists()
