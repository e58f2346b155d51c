from django.apps import AppConfig


class CoreConfig(AppConfig):
    """Shared pieces: site settings, roles, demo content, blocks and mixins several apps use."""

    name = "core"
    verbose_name = "Site"

    def ready(self):
        # Django's documented place to connect receivers: importing the module does it.
        # Roles exist on every installation, not only where demo content was loaded.
        from core import signals, tasks  # noqa: F401  (tasks: the retry of failed tasks)
        from core.dates import use_flexible_dates_in_admin_forms

        use_flexible_dates_in_admin_forms()
