"""Repeated failed admin logins are throttled per account and per address (django-axes)."""

import pytest

from django.urls import reverse

THROTTLED = {
    "AXES_ENABLED": True,
    "AUTHENTICATION_BACKENDS": [
        "axes.backends.AxesStandaloneBackend",
        "django.contrib.auth.backends.ModelBackend",
    ],
}


@pytest.fixture
def throttled(settings):
    for name, value in THROTTLED.items():
        setattr(settings, name, value)
    return settings


def attempt(client, username: str, password: str, address: str = "10.0.0.1"):
    return client.post(
        reverse("wagtailadmin_login"),
        {"username": username, "password": password},
        REMOTE_ADDR=address,
    )


@pytest.mark.django_db
def test_account_is_paused_after_five_failures_with_a_clear_message(client, throttled, editor):
    for _ in range(4):
        response = attempt(client, editor.username, "wrong")
        assert response.status_code == 200  # the login form again, with its error
    response = attempt(client, editor.username, "wrong")
    assert response.status_code == 429
    html = response.content.decode()
    assert "Too many failed sign-in attempts" in html
    assert "after 5 failed attempts" in html
    # Even the right password is refused while the pause lasts.
    assert attempt(client, editor.username, "pw").status_code == 429


@pytest.mark.django_db
def test_account_is_paused_whichever_address_the_attempts_come_from(client, throttled, editor):
    for number in range(5):
        attempt(client, editor.username, "wrong", address=f"10.0.1.{number}")
    assert attempt(client, editor.username, "pw", address="10.0.2.1").status_code == 429


@pytest.mark.django_db
def test_address_is_paused_whichever_accounts_it_tries(client, throttled, editor):
    for number in range(5):
        attempt(client, f"nobody-{number}", "wrong", address="10.0.3.3")
    assert attempt(client, editor.username, "pw", address="10.0.3.3").status_code == 429
    # Another address can still sign in to the account.
    assert attempt(client, editor.username, "pw", address="10.0.4.4").status_code == 302


@pytest.mark.django_db
def test_successful_login_below_the_limit_clears_the_failures(client, throttled, editor):
    for _ in range(4):
        attempt(client, editor.username, "wrong")
    assert attempt(client, editor.username, "pw").status_code == 302
    client.logout()
    for _ in range(4):
        attempt(client, editor.username, "wrong")
    assert attempt(client, editor.username, "pw").status_code == 302
