"""Site-wide receivers."""

from django.apps import apps as django_apps
from django.db.models.signals import post_migrate
from django.dispatch import receiver

from core.roles import setup_roles


@receiver(post_migrate, dispatch_uid="core-roles-after-migrate")
def setup_roles_after_migrate(sender, **kwargs) -> None:
    """A fresh database gets its roles without anyone running a command.

    Django sends post_migrate once per app, in INSTALLED_APPS order, and creates each app's
    permissions in that app's turn; the roles are set up in the last app's turn, when every
    permission they name exists.
    """
    with_models = [config for config in django_apps.get_app_configs() if config.models_module]
    if with_models and sender.name == with_models[-1].name:
        setup_roles()
