from django.apps import AppConfig
from django.db.models.signals import post_migrate


class CoreConfig(AppConfig):
    """Shared pieces: site settings, roles, demo content, blocks and mixins several apps use."""

    name = "core"
    verbose_name = "Site"

    def ready(self):
        from core import tasks  # noqa: F401  (connects the retry of failed tasks)
        from core.roles import setup_roles_after_migrate

        # Roles exist on every installation, not only where demo content was loaded.
        # They run once every app's permissions exist (see the receiver).
        post_migrate.connect(setup_roles_after_migrate)
