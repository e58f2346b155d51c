"""Background work: emails go through the task queue, the worker delivers them, a failure is
retried and, when it keeps failing, shown to administrators."""

import socket

import pytest
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from django.core import mail
from django.core.mail import send_mail
from django.core.management import call_command
from django.urls import reverse

from settings import base

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def closed_port() -> int:
    """A loopback port nothing listens on: a mail server that is down."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def run_worker(**options) -> None:
    call_command("db_worker", batch=True, reload=False, startup_delay=False, verbosity=0, **options)


@pytest.fixture
def queued_mail(settings):
    """Mail goes through the database queue as in production; nothing runs until a worker."""
    settings.TASKS = DATABASE_QUEUE
    settings.EMAIL_BACKEND = "core.mail.TaskEmailBackend"
    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.TASK_RETRY_DELAY = 0
    settings.TASK_MAX_ATTEMPTS = 3
    return settings


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_invitation_email_waits_for_the_worker_then_arrives(queued_mail, client, admin_user):
    client.force_login(admin_user)
    response = client.post(
        reverse("guests_invitation_modeladmin_create"),
        {"name": "Sam Frontline", "email": "sam@example.org", "role": "", "message": "Welcome"},
    )
    assert response.status_code == 302
    assert mail.outbox == []
    assert DBTaskResult.objects.filter(status=TaskResultStatus.READY).count() >= 1

    run_worker()

    [message] = [m for m in mail.outbox if m.to == ["sam@example.org"]]
    assert message.subject == "Your invitation to write for Guerilla Policy"
    assert "/guests/invitation/" in message.body
    # The mail tasks succeeded (Wagtail's own index tasks share the queue and are not the
    # subject here).
    mail_tasks = DBTaskResult.objects.filter(task_path__startswith="core.")
    assert mail_tasks.exists()
    assert not mail_tasks.exclude(status=TaskResultStatus.SUCCESSFUL).exists()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_mail_server_outage_is_retried_and_the_email_delivered_when_it_returns(queued_mail):
    queued_mail.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    queued_mail.EMAIL_HOST, queued_mail.EMAIL_PORT = "127.0.0.1", closed_port()
    queued_mail.EMAIL_TIMEOUT = 2
    send_mail("Changes requested", "Please shorten the standfirst.", None, ["guest@example.org"])

    run_worker(max_tasks=1)  # the server is down: the attempt fails and is put back
    task = DBTaskResult.objects.get()
    assert task.status == TaskResultStatus.READY
    assert len(task.worker_ids) == 1
    assert "ConnectionRefusedError" in task.traceback

    queued_mail.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    run_worker()
    task.refresh_from_db()
    assert task.status == TaskResultStatus.SUCCESSFUL
    assert len(task.worker_ids) == 2
    assert [m.subject for m in mail.outbox] == ["Changes requested"]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_task_that_keeps_failing_stops_and_administrators_see_it(
    queued_mail, client, admin_user, editor
):
    queued_mail.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    queued_mail.EMAIL_HOST, queued_mail.EMAIL_PORT = "127.0.0.1", closed_port()
    send_mail("Your post is live", "Thank you.", None, ["guest@example.org"])

    run_worker()

    task = DBTaskResult.objects.get()
    assert task.status == TaskResultStatus.FAILED
    assert len(task.worker_ids) == 3
    assert mail.outbox == []

    client.force_login(admin_user)
    html = client.get("/admin/reports/tasks/").content.decode()
    assert "Background tasks" in html
    assert "deliver_email" in html
    assert "Failed" in html
    assert "ConnectionRefusedError" in html
    failed_only = client.get("/admin/reports/tasks/", {"status": "FAILED"}).content.decode()
    assert "deliver_email" in failed_only

    client.force_login(editor)
    assert client.get("/admin/reports/tasks/").status_code in {302, 403}


def test_tests_run_tasks_at_once_and_production_queues_them_in_the_database(settings):
    assert base.TASKS["default"]["BACKEND"] == "django_tasks_db.DatabaseBackend"
    assert base.EMAIL_BACKEND == "core.mail.TaskEmailBackend"
    assert settings.TASKS["default"]["BACKEND"].endswith("ImmediateBackend")
