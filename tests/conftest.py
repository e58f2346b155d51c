"""Fixtures every test module may use: a site whose root is our home page, the roles, and
the addresses purges send (`purged`)."""

import pytest

from wagtail.models import Page, Site

from home.factories import HomePageFactory


@pytest.fixture
def home_page(db):
    """A live home page at the root of the default site, replacing Wagtail's placeholder."""
    root = Page.get_first_root_node()
    for placeholder in root.get_children().exact_type(Page):
        placeholder.delete()
    home = HomePageFactory(parent=root)
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={
            "hostname": "localhost",
            "port": 80,
            "root_page": home,
            "site_name": "Guerilla Policy",
        },
    )
    return home


@pytest.fixture
def editor(db, django_user_model):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user("editor-user", "editor@example.org", "pw")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def admin_user(db, django_user_model):
    return django_user_model.objects.create_superuser("admin-user", "admin@example.org", "pw")


@pytest.fixture
def purged(monkeypatch):
    """Every address the purge tasks sent (a change may enqueue more than one task)."""
    from core import purging

    sent: set[str] = set()
    monkeypatch.setattr(purging, "send_purges", lambda urls: sent.update(urls))
    return sent
