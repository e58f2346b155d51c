"""Reports › Background tasks: what the task queue holds, failures first, for administrators.

A task that failed every attempt (core.tasks) stays here with its error, so an administrator
sees that an email was never delivered; the worker's log has the full traceback.
"""

import django_filters
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from django.db.models import Case, Value, When

from wagtail.admin.auth import permission_denied
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.reports import ReportView


class TaskFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(choices=TaskResultStatus.choices, empty_label="Any status")

    class Meta:
        model = DBTaskResult
        fields = ["status"]


class LastErrorColumn(Column):
    """The last line of the traceback: the exception and its message."""

    def get_value(self, instance):
        lines = [line for line in instance.traceback.splitlines() if line.strip()]
        return lines[-1] if lines else ""


class AttemptsColumn(Column):
    def get_value(self, instance):
        return len(instance.worker_ids)


class BackgroundTasksView(ReportView):
    page_title = "Background tasks"
    header_icon = "cogs"
    index_url_name = "core_background_tasks"
    index_results_url_name = "core_background_tasks_results"
    filterset_class = TaskFilterSet
    model = DBTaskResult
    columns = [
        Column("task_name", label="Task"),
        Column("status", label="Status", accessor="get_status_display"),
        AttemptsColumn("attempts", label="Attempts"),
        DateColumn("enqueued_at", label="Queued"),
        DateColumn("finished_at", label="Finished"),
        LastErrorColumn("error", label="Last error"),
    ]

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_superuser:
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        # Failures first, then newest: what needs an administrator's eye is at the top.
        failed_first = Case(When(status=TaskResultStatus.FAILED, then=Value(0)), default=Value(1))
        return DBTaskResult.objects.order_by(failed_first, "-enqueued_at")
