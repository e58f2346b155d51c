"""A mail server or provider refusing one message records that delivery as failed, with
the reason, and the mailing goes on; only an outage (unreachable, timed out, overloaded)
puts the batch back in the queue for later."""

import smtplib

import pytest
import requests

from django.core import mail
from django.core.mail.backends.locmem import EmailBackend

from newsletter.models import Delivery
from newsletter.sending import resume_mailings

State = Delivery.State
REFUSED = "reader03@example.org"


class ProviderAPIError(requests.HTTPError):
    """Shaped like django-anymail's AnymailRequestsAPIError: an HTTPError (so an OSError)
    carrying the provider's HTTP status as `status_code`."""

    def __init__(self, message: str, status_code: int | None):
        super().__init__(message)
        self.status_code = status_code


class ProviderRecipientsRefused(Exception):
    """Shaped like django-anymail's AnymailRecipientsRefused (no HTTP status)."""

    status_code = None


@pytest.fixture
def subscribers(make_subscriber):
    return [make_subscriber(f"reader{number:02}@example.org") for number in range(8)]


@pytest.fixture
def refuse(monkeypatch):
    """A stub mail backend that raises `error` for one address and takes the rest."""
    real_send = EmailBackend.send_messages

    def install(error):
        def send_messages(self, messages):
            if messages[0].to == [REFUSED]:
                raise error
            return real_send(self, messages)

        monkeypatch.setattr(EmailBackend, "send_messages", send_messages)

    return install


def recipients() -> set[str]:
    return {message.to[0] for message in mail.outbox}


@pytest.mark.django_db
@pytest.mark.parametrize(
    "error, reason",
    [
        (ProviderAPIError("Mailgun API response 400: 'to' parameter is not valid", 400), "400"),
        (ProviderAPIError("Postmark API response 422: Inactive recipient", 422), "Inactive"),
        (ProviderRecipientsRefused("All message recipients were rejected"), "rejected"),
        (smtplib.SMTPRecipientsRefused({REFUSED: (550, b"5.1.1 No such user")}), "550"),
        (smtplib.SMTPDataError(554, b"5.7.1 Message rejected as spam"), "rejected as spam"),
    ],
    ids=["provider-400", "provider-422", "provider-all-refused", "smtp-550-rcpt", "smtp-554"],
)
def test_a_refusal_of_one_message_fails_that_delivery_and_the_mailing_completes(
    roundup, subscribers, send_roundup, refuse, error, reason
):
    refuse(error)
    mailing = send_roundup(roundup)
    assert recipients() == {s.email for s in subscribers} - {REFUSED}
    failed = mailing.deliveries.get(state=State.FAILED)
    assert failed.subscriber.email == REFUSED
    assert reason in failed.reason
    assert mailing.counts() == {**dict.fromkeys(State.values, 0), "sent": 7, "failed": 1}
    assert mailing.finished_at is not None


@pytest.mark.django_db
@pytest.mark.parametrize(
    "error",
    [
        ProviderAPIError("Mailgun API response 503: Service Unavailable", 503),
        ProviderAPIError("SendGrid API response 429: Too many requests", 429),
        ProviderAPIError("Connection to api.mailgun.net timed out", None),
        TimeoutError("timed out"),
        smtplib.SMTPDataError(421, b"4.3.2 Service shutting down"),
        smtplib.SMTPServerDisconnected("Connection unexpectedly closed"),
    ],
    ids=["provider-503", "provider-429", "provider-timeout", "timeout", "smtp-421", "dropped"],
)
def test_an_outage_keeps_the_delivery_queued_and_resuming_sends_it(
    roundup, subscribers, send_roundup, refuse, monkeypatch, error
):
    refuse(error)
    mailing = send_roundup(roundup)
    assert not mailing.deliveries.filter(state=State.FAILED).exists()
    assert mailing.deliveries.get(subscriber__email=REFUSED).state == State.QUEUED
    assert mailing.finished_at is None
    assert REFUSED not in recipients()

    monkeypatch.undo()  # the service is back
    resume_mailings()
    mailing.refresh_from_db()
    assert recipients() == {s.email for s in subscribers}
    assert mailing.counts()["sent"] == 8
    assert mailing.finished_at is not None
