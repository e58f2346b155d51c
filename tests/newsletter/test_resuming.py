"""Resuming from cron every few minutes never starts a second chain of sending tasks for
a mailing whose chain is still alive, yet does restart one whose worker was killed."""

from datetime import timedelta
from io import StringIO

import pytest
import time_machine
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from django.core.management import call_command
from django.utils import timezone

from newsletter.models import Delivery, Mailing, Subscriber
from newsletter.sending import prepare_mailing, resume_mailings, send_deliveries, start_mailing

State = Delivery.State
DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


@pytest.fixture
def database_queue(settings):
    """Tasks wait in the database, as in production, with no worker to run them."""
    settings.TASKS = DATABASE_QUEUE


@pytest.fixture
def mailing(roundup, make_subscriber, database_queue):
    """A prepared mailing with every delivery queued and no task left to send them."""
    for number in range(3):
        make_subscriber(f"reader{number}@example.org")
    mailing = Mailing.objects.create(roundup=roundup, prepared_at=timezone.now())
    Delivery.objects.bulk_create(
        Delivery(mailing=mailing, subscriber=subscriber) for subscriber in Subscriber.objects.all()
    )
    return mailing


def tasks(task, mailing: Mailing, *statuses):
    return DBTaskResult.objects.filter(
        task_path=task.module_path,
        args_kwargs__args__0=mailing.pk,
        status__in=statuses or [TaskResultStatus.READY, TaskResultStatus.RUNNING],
    )


def resume_by_cron() -> str:
    output = StringIO()
    call_command("resume_mailings", stdout=output)
    return output.getvalue()


@pytest.mark.django_db
def test_resuming_twice_while_a_chain_is_queued_queues_one_chain(mailing):
    assert "Resumed: " in resume_by_cron()
    assert tasks(send_deliveries, mailing).count() == 1
    assert "Nothing to resume" in resume_by_cron()
    resume_mailings()
    assert tasks(send_deliveries, mailing).count() == 1


@pytest.mark.django_db
def test_a_mailing_still_being_prepared_gets_no_second_chain(
    roundup, make_subscriber, database_queue
):
    make_subscriber("reader@example.org")
    mailing, _ = start_mailing(roundup)
    resume_mailings()
    resume_mailings()
    assert tasks(prepare_mailing, mailing).count() == 1
    assert not tasks(send_deliveries, mailing).exists()


@pytest.mark.django_db
def test_a_running_chain_is_left_alone_until_its_worker_has_gone_quiet(mailing):
    running = send_deliveries.enqueue(mailing.pk)
    DBTaskResult.objects.filter(pk=running.id).update(
        status=TaskResultStatus.RUNNING, started_at=timezone.now()
    )
    mailing.deliveries.update(state=State.SENDING, updated_at=timezone.now())

    resume_mailings()  # the worker may well be alive: nothing added
    assert not tasks(send_deliveries, mailing, TaskResultStatus.READY).exists()
    assert mailing.deliveries.filter(state=State.SENDING).count() == 3

    # Killed: its row still says "running", but nothing has moved for the stale-after time.
    with time_machine.travel(timezone.now() + timedelta(minutes=11)):
        assert "Resumed: " in resume_by_cron()
        assert "Nothing to resume" in resume_by_cron()
    assert tasks(send_deliveries, mailing, TaskResultStatus.READY).count() == 1
    assert mailing.deliveries.filter(state=State.QUEUED).count() == 3


@pytest.mark.django_db
def test_resuming_brings_a_waiting_retry_forward_instead_of_adding_a_chain(mailing):
    retry = send_deliveries.using(run_after=timezone.now() + timedelta(minutes=8)).enqueue(
        mailing.pk
    )
    resume_mailings()
    waiting = tasks(send_deliveries, mailing)
    assert [str(row.pk) for row in waiting] == [str(retry.id)]
    assert waiting.get().run_after <= timezone.now()
