"""Editors manage subscribers and send the roundup; guest bloggers get nothing here."""

from django.contrib.auth.models import Permission


def configure(editors, guests) -> None:
    editors.permissions.add(*Permission.objects.filter(content_type__app_label="newsletter"))
