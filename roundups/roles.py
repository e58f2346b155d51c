"""Editors manage roundups and the reader-suggestion inbox; guests get nothing here."""

from django.apps import apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission


def configure(editors: Group, guests: Group) -> None:
    # Roles are set up right after core migrates, before Django has created this app's
    # permissions on a fresh database: create them first so editors get them at once.
    create_permissions(apps.get_app_config("roundups"), verbosity=0)
    editors.permissions.add(*Permission.objects.filter(content_type__app_label="roundups"))
