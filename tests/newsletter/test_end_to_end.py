"""End to end through a real SMTP server on loopback: subscribe, confirm, receive the
roundup, read it as a mail client would, and leave by its one-click header."""

import re

import pytest
from aiosmtpd.controller import Controller

from django.core.cache import cache
from django.test import Client

from newsletter.models import Subscriber
from roundups.factories import excerpt
from tests.servers import SmtpInbox, free_port

from .conftest import FROM_THIS_SITE, path_of

HOSTILE = '<script>alert("x")</script>'


@pytest.fixture
def smtp_inbox(settings):
    inbox = SmtpInbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = controller.port
    settings.EMAIL_USE_TLS = False
    cache.clear()
    yield inbox
    controller.stop()


def body_of(message, subtype: str) -> str:
    return message.get_body(preferencelist=(subtype,)).get_content()


@pytest.mark.django_db
def test_subscribe_confirm_receive_and_leave_through_a_real_smtp_server(
    smtp_inbox, make_roundup, bloggers, sectors, send_roundup
):
    reader = Client(enforce_csrf_checks=False)
    reader.post(
        "/newsletter/subscribe/",
        {"email": "nurse@example.org", "sectors": [sectors["health"].pk]},
        REMOTE_ADDR="203.0.113.7",
        **FROM_THIS_SITE,
    )
    (confirmation,) = smtp_inbox.messages_to("nurse@example.org")
    link = re.search(r"https?://\S+/newsletter/confirm/\S+", confirmation.get_content()).group(0)
    assert "You are subscribed" in reader.post(path_of(link)).content.decode()

    roundup = make_roundup(
        excerpts=[
            excerpt(bloggers["dr-grumble"], title=f"Ward notes {HOSTILE}", quote=HOSTILE),
            excerpt(bloggers["frank-chalk"], title="Ofsted came on Tuesday"),
        ]
    )
    send_roundup(roundup)
    received = smtp_inbox.messages_to("nurse@example.org")
    assert len(received) == 2
    message = received[1]
    assert message["Subject"] == roundup.title
    assert message.get_content_type() == "multipart/alternative"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message["List-Id"] == "Guerilla Policy roundup <roundup.guerillapolicy.org>"
    assert re.fullmatch(r"<roundup\.\d+\.\d+@[\w.]+>", message["Message-ID"])
    text, html = body_of(message, "plain"), body_of(message, "html")
    assert f"Ward notes {HOSTILE}" in text
    assert "Ofsted came on Tuesday" not in text and "Ofsted came on Tuesday" not in html
    assert "<script" not in html
    assert "Ward notes &lt;script&gt;" in html

    header = str(message["List-Unsubscribe"]).strip()  # folded: the address is long
    unsubscribe = re.fullmatch(r"<(\S+)>", header)
    assert unsubscribe, header
    mail_client = Client(enforce_csrf_checks=True)
    response = mail_client.post(path_of(unsubscribe.group(1)), {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert not Subscriber.objects.exists()
