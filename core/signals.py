"""Site-wide receivers."""

from django.apps import apps as django_apps
from django.db.models.signals import post_delete, post_migrate, post_save, pre_delete
from django.dispatch import receiver

from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move
from wagtail.snippets.models import get_snippet_models

from core import navigation, purging
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


# Purging cached copies (core.purging). Deletion is caught before it happens, while the
# page still has an address; the sender is named so Django's fast bulk deletes still work.
@receiver(page_published, dispatch_uid="core-purge-published")
@receiver(page_unpublished, dispatch_uid="core-purge-unpublished")
def purge_changed_page(sender, instance, **kwargs) -> None:
    purging.purge_later(purging.page_change_urls(instance))


@receiver(post_page_move, dispatch_uid="core-purge-moved")
def purge_moved_page(sender, instance, parent_page_before, url_path_before, **kwargs) -> None:
    purging.purge_later(purging.page_move_urls(instance, parent_page_before, url_path_before))


@receiver(pre_delete, sender=Page, dispatch_uid="core-purge-deleted")
def purge_deleted_page(sender, instance, **kwargs) -> None:
    if instance.live:
        purging.purge_later(purging.page_change_urls(instance))


@receiver(post_save, dispatch_uid="core-purge-snippet-saved")
def purge_saved_snippet(sender, instance, raw=False, **kwargs) -> None:
    if not raw and sender in get_snippet_models():
        purging.purge_snippet_later(instance)


# The main menu (core.navigation) and the remembered routes (core.routing) are read afresh
# after any change to a page, to who may see one or to a site. Pages are sent under their
# own classes: saves are checked here; deletions are connected class by class, as a
# receiver for every sender would stop Django's fast deletes.
TREE_MODELS = (Page, PageViewRestriction, Site)


@receiver(post_save, dispatch_uid="core-menu-page-saved")
def forget_menus_for_saved_page(sender, instance, **kwargs) -> None:
    if isinstance(instance, TREE_MODELS):
        navigation.forget_menus()


def forget_menus_for_deleted_page(sender, **kwargs) -> None:
    navigation.forget_menus()


for _model in django_apps.get_models():
    if issubclass(_model, TREE_MODELS):
        post_delete.connect(
            forget_menus_for_deleted_page,
            sender=_model,
            dispatch_uid=f"core-menu-deleted-{_model._meta.label_lower}",
        )


@receiver(post_page_move, dispatch_uid="core-menu-page-moved")
def forget_menus_after_move(sender, **kwargs) -> None:
    navigation.forget_menus()
