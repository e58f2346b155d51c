import pytest

from django.contrib.auth.models import Group
from django.core.management import call_command

from wagtail.models import GroupPagePermission


@pytest.mark.django_db
def test_roles_exist_on_a_fresh_database_without_any_command():
    editors = Group.objects.get(name="Editors")
    guests = Group.objects.get(name="Guest bloggers")
    assert editors.permissions.filter(codename="access_admin").exists()
    assert guests.permissions.filter(codename="access_admin").exists()


@pytest.mark.django_db
def test_editors_can_publish_anywhere_and_guests_cannot():
    editors = Group.objects.get(name="Editors")
    guests = Group.objects.get(name="Guest bloggers")
    assert GroupPagePermission.objects.filter(
        group=editors, permission__codename="publish_page", page__depth=1
    ).exists()
    assert not GroupPagePermission.objects.filter(
        group=guests, permission__codename="publish_page"
    ).exists()


@pytest.mark.django_db
def test_setup_roles_twice_changes_nothing():
    call_command("setup_roles")
    before = (
        sorted(Group.objects.get(name="Editors").permissions.values_list("pk", flat=True)),
        GroupPagePermission.objects.count(),
    )
    call_command("setup_roles")
    after = (
        sorted(Group.objects.get(name="Editors").permissions.values_list("pk", flat=True)),
        GroupPagePermission.objects.count(),
    )
    assert before == after


@pytest.mark.django_db
def test_editors_get_permissions_for_every_content_app_on_a_fresh_database():
    editors = Group.objects.get(name="Editors")
    apps_with_permissions = set(
        editors.permissions.values_list("content_type__app_label", flat=True).distinct()
    )
    assert {"people", "essays", "core", "wagtailimages"} <= apps_with_permissions
