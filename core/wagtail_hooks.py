from django.urls import path, reverse

from wagtail import hooks
from wagtail.admin.menu import AdminOnlyMenuItem
from wagtail.admin.ui.components import Component
from wagtail.permission_policies.pages import PagePermissionPolicy

from core import purging
from core.drafts import abandoned_drafts, sees_everyones_drafts
from core.reports import BackgroundTasksView
from core.schedule import missed_schedule


class MissedSchedulePanel(Component):
    """Warns editors on the dashboard when scheduled pages did not go live."""

    name = "missed_schedule"
    template_name = "core/admin/missed_schedule_panel.html"
    order = 50

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["missed"] = missed_schedule()
        return context


@hooks.register("construct_homepage_panels")
def add_missed_schedule_panel(request, panels):
    # Only people who can publish can act on it (guest bloggers cannot).
    if PagePermissionPolicy().user_has_permission(request.user, "publish"):
        panels.append(MissedSchedulePanel())


class AbandonedDraftsPanel(Component):
    """Drafts left behind (autosave makes them), to finish or delete: everyone's, with who
    left them, for those who can publish; a guest's own for a guest."""

    name = "abandoned_drafts"
    template_name = "core/admin/abandoned_drafts_panel.html"
    order = 60

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["drafts"] = [
            (draft, draft.permissions_for_user(self.user).can_delete())
            for draft in abandoned_drafts(self.user)
        ]
        context["everyones"] = sees_everyones_drafts(self.user)
        context["user"] = self.user
        return context


@hooks.register("construct_homepage_panels")
def add_abandoned_drafts_panel(request, panels):
    panels.append(AbandonedDraftsPanel(request.user))


@hooks.register("register_admin_urls")
def register_background_tasks_urls():
    return [
        path("reports/tasks/", BackgroundTasksView.as_view(), name="core_background_tasks"),
        path(
            "reports/tasks/results/",
            BackgroundTasksView.as_view(results_only=True),
            name="core_background_tasks_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_background_tasks_menu_item():
    return AdminOnlyMenuItem(
        "Background tasks",
        reverse("core_background_tasks"),
        name="background-tasks",
        icon_name="cogs",
        order=1400,
    )


@hooks.register("before_delete_snippet")
def purge_deleted_snippets(request, instances):
    """What showed a snippet is worked out before it goes (its references go with it)."""
    for instance in instances:
        purging.purge_later(purging.snippet_change_urls(instance))
