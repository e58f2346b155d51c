"""Editors moderate and answer readers' comments; guests never see them."""

from django.contrib.auth.models import Permission

# Readers add comments through the public form; nobody adds them in the admin.
EDITOR_CODENAMES = ("view_comment", "change_comment", "delete_comment")


def configure(editors, guests) -> None:
    editors.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="drafting", codename__in=EDITOR_CODENAMES
        )
    )
