"""Whether a mailing's chain of sending tasks is still alive, so that resuming it (cron
every few minutes, or an editor pressing "Resume sending") never starts a second one.

Two chains of the same mailing would not send anyone the roundup twice (each delivery
is claimed by one worker only), but they would double the sending rate the provider was
promised and keep two workers busy. The chain's tasks are rows of the database queue
(django-tasks-db): one waiting ("ready", perhaps to be retried later) means the chain
will carry on by itself; one "running" may belong to a worker that was killed, whose
row stays "running" for ever, so it counts only while the mailing shows signs of life
within the stale-after time. With another task backend (the immediate one in tests)
there are no rows and resuming always queues.
"""

from datetime import timedelta

from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult, get_date_max

from django.utils import timezone

from newsletter import conf


def chain_tasks(mailing_id: int, task_paths: list[str]):
    """The database queue's rows of this mailing's tasks (their paths given by the sender,
    which defines them)."""
    return DBTaskResult.objects.filter(task_path__in=task_paths, args_kwargs__args__0=mailing_id)


def chain_alive(mailing, task_paths: list[str]) -> bool:
    """True when a task of this mailing is waiting, or running and recently active.
    Ask before requeuing stale deliveries, which would look like fresh activity.

    A waiting retry is brought forward to now: whoever asked to resume wants it now,
    not after the back-off the queue gave the failed attempt."""
    now = timezone.now()
    tasks = chain_tasks(mailing.pk, task_paths)
    waiting = tasks.filter(status=TaskResultStatus.READY)
    if waiting.exists():
        waiting.filter(run_after__gt=now).exclude(run_after=get_date_max()).update(run_after=now)
        return True
    running = tasks.filter(status=TaskResultStatus.RUNNING)
    if not running.exists():
        return False
    recent = now - timedelta(seconds=conf.stale_after_seconds())
    return (
        running.filter(started_at__gte=recent).exists()
        or mailing.deliveries.filter(updated_at__gte=recent).exists()
    )
