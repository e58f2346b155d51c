"""Email through the task queue: nothing a reader or editor does waits on the mail server.

`TaskEmailBackend` (settings.EMAIL_BACKEND) turns each message into plain data and enqueues
`deliver_email`; the worker rebuilds it and hands it to settings.EMAIL_DELIVERY_BACKEND
(SMTP in production). A delivery that fails raises, so the task is retried (core.tasks).
"""

import base64
from email.mime.base import MIMEBase

from django_tasks import task

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend


def message_to_data(message: EmailMultiAlternatives) -> dict:
    """A message as JSON-safe data (attachments base64-encoded)."""
    attachments = []
    for attachment in message.attachments:
        if isinstance(attachment, MIMEBase):
            attachment = (
                attachment.get_filename(),
                attachment.get_payload(decode=True),
                attachment.get_content_type(),
            )
        filename, content, mimetype = attachment
        if isinstance(content, str):
            content = content.encode()
        attachments.append([filename, base64.b64encode(content).decode("ascii"), mimetype])
    return {
        "subject": str(message.subject),
        "body": str(message.body),
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "headers": dict(message.extra_headers),
        "alternatives": [
            [str(content), mimetype] for content, mimetype in getattr(message, "alternatives", [])
        ],
        "attachments": attachments,
        "content_subtype": message.content_subtype,
    }


def message_from_data(data: dict) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject=data["subject"],
        body=data["body"],
        from_email=data["from_email"],
        to=data["to"],
        cc=data["cc"],
        bcc=data["bcc"],
        reply_to=data["reply_to"],
        headers=data["headers"],
        alternatives=[tuple(alternative) for alternative in data["alternatives"]],
    )
    message.content_subtype = data["content_subtype"]
    for filename, content, mimetype in data["attachments"]:
        message.attach(filename, base64.b64decode(content), mimetype)
    return message


@task()
def deliver_email(data: dict) -> int:
    """Send one queued message through the real backend; raising lets the queue retry it."""
    connection = get_connection(settings.EMAIL_DELIVERY_BACKEND, fail_silently=False)
    return connection.send_messages([message_from_data(data)])


class TaskEmailBackend(BaseEmailBackend):
    """Queues every message for the worker instead of talking to the mail server."""

    def send_messages(self, email_messages) -> int:
        for message in email_messages:
            deliver_email.enqueue(message_to_data(message))
        return len(email_messages)


def delivery_connection():
    """A connection to the real mail backend, for code already running in a task (the
    newsletter's sending) that records each message's fate itself: queueing it again
    through `TaskEmailBackend` would record "sent" before the mail server had seen it."""
    backend = settings.EMAIL_BACKEND
    if backend == f"{TaskEmailBackend.__module__}.{TaskEmailBackend.__qualname__}":
        backend = settings.EMAIL_DELIVERY_BACKEND
    return get_connection(backend, fail_silently=False)
