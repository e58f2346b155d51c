"""Retrying background tasks that fail, for every task on the database queue.

django-tasks-db marks a task that raised as failed and moves on. A mail server that is down
for a minute should not lose an email, so a failed task goes back on the queue, later each
time (settings.TASK_RETRY_DELAY seconds, doubled per attempt), until it has been tried
settings.TASK_MAX_ATTEMPTS times. Then it stays failed, with its traceback, and
administrators see it under Reports › Background tasks. Wagtail's own tasks (search and
reference index updates, file deletion) are safe to run twice, and so are ours.
"""

import logging
from datetime import timedelta

from django_tasks import TaskResultStatus
from django_tasks.signals import task_finished
from django_tasks_db.models import DBTaskResult

from django.conf import settings
from django.dispatch import receiver
from django.utils import timezone

logger = logging.getLogger(__name__)


def retry_delay(attempts: int) -> timedelta:
    """How long to wait before the next attempt, after `attempts` have failed."""
    return timedelta(seconds=settings.TASK_RETRY_DELAY * 2 ** max(attempts - 1, 0))


@receiver(task_finished)
def retry_failed_task(sender, task_result, **kwargs) -> None:
    db_result = getattr(task_result, "db_result", None)
    if db_result is None or task_result.status != TaskResultStatus.FAILED:
        return  # succeeded, or not on the database queue (the immediate backend in tests)
    attempts = task_result.attempts
    if attempts >= settings.TASK_MAX_ATTEMPTS:
        logger.error(
            "Task %s (%s) failed %d times; giving up (Reports › Background tasks).",
            task_result.id,
            task_result.task.module_path,
            attempts,
        )
        return
    run_after = timezone.now() + retry_delay(attempts)
    DBTaskResult.objects.filter(pk=db_result.pk, status=TaskResultStatus.FAILED).update(
        status=TaskResultStatus.READY, run_after=run_after, finished_at=None
    )
    logger.warning(
        "Task %s (%s) failed (attempt %d of %d); retrying at %s.",
        task_result.id,
        task_result.task.module_path,
        attempts,
        settings.TASK_MAX_ATTEMPTS,
        run_after.isoformat(timespec="seconds"),
    )
