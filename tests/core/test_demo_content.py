import pytest

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command

from wagtail.models import Site

from home.models import HomePage

DEMO_ACCOUNTS = ("admin", "editor", "guest")


def model_counts() -> dict[str, int]:
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if model._meta.app_label not in {"sessions", "admin"}
    }


@pytest.mark.django_db
def test_load_demo_content_twice_leaves_the_same_counts():
    call_command("load_demo_content", password="demo-pass-1", stdout=None)
    first = model_counts()
    call_command("load_demo_content", password="demo-pass-1", stdout=None)
    assert model_counts() == first


@pytest.mark.django_db
def test_demo_accounts_are_in_their_groups_and_the_site_serves_our_home_page():
    call_command("load_demo_content", password="demo-pass-1")
    User = get_user_model()
    assert User.objects.get(username="admin").is_superuser
    assert list(User.objects.get(username="editor").groups.values_list("name", flat=True)) == [
        "Editors"
    ]
    assert list(User.objects.get(username="guest").groups.values_list("name", flat=True)) == [
        "Guest bloggers"
    ]
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)


@pytest.mark.django_db
def test_without_a_password_new_accounts_get_a_printed_random_one(capsys):
    call_command("load_demo_content")
    printed = capsys.readouterr().out
    line = next(line for line in printed.splitlines() if "account editor" in line)
    password = line.split("password")[1].strip()
    assert len(password) >= 12
    assert get_user_model().objects.get(username="editor").check_password(password)
    call_command("load_demo_content")
    assert "(unchanged)" in capsys.readouterr().out
    assert get_user_model().objects.get(username="editor").check_password(password)


@pytest.mark.django_db
@pytest.mark.parametrize("username", DEMO_ACCOUNTS)
def test_each_demo_account_can_log_in_to_the_admin(client, username):
    call_command("load_demo_content", password="demo-pass-1")
    response = client.post(
        "/admin/login/", {"username": username, "password": "demo-pass-1"}, follow=True
    )
    assert response.status_code == 200
    assert response.context["user"].username == username
    dashboard = client.get("/admin/")
    assert dashboard.status_code == 200


@pytest.mark.django_db
def test_wrong_password_is_refused_with_a_message(client):
    call_command("load_demo_content", password="demo-pass-1")
    response = client.post("/admin/login/", {"username": "editor", "password": "wrong"})
    assert response.status_code == 200
    assert not response.context["user"].is_authenticated
    assert "password didn&#x27;t match" in response.content.decode()
