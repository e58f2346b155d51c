"""An editor invites a guest by email; the single-use link expires after seven days."""

import re
from datetime import timedelta

import pytest
import time_machine

from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from guests.models import Invitation
from people.models import Blogger

CREATE_URL = "guests_invitation_modeladmin_create"
PASSWORD = "frontline-Writer-2012"


def invite(client, editor, **fields) -> str:
    """Send an invitation through the admin and return the link from the email."""
    client.force_login(editor)
    data = {"name": "Nadia Nurse", "email": "nadia@example.org", "role": "", "message": ""}
    data.update(fields)
    response = client.post(reverse(CREATE_URL), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    client.logout()
    return re.search(r"http://testserver(/guests/invitation/\S+/)", mail.outbox[-1].body).group(1)


def accept(client, link: str, username: str = "nadia"):
    return client.post(link, {"username": username, "password1": PASSWORD, "password2": PASSWORD})


@pytest.mark.django_db
def test_invited_guest_sets_a_password_and_writes_under_a_new_profile(client, section, editor):
    link = invite(client, editor, role="works in a stroke unit", message="We'd love a post.")
    email = mail.outbox[-1]
    assert email.to == ["nadia@example.org"]
    assert "We'd love a post." in email.body
    invitation = Invitation.objects.get()
    assert invitation.state == "Pending"
    assert invitation.token_hash not in email.body  # only a digest is stored

    page = client.get(link)
    assert page.status_code == 200
    assert "Welcome, Nadia Nurse" in page.content.decode()

    response = accept(client, link)
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    user = get_user_model().objects.get(username="nadia")
    assert user.email == "nadia@example.org"
    assert user.check_password(PASSWORD)
    assert list(user.groups.values_list("name", flat=True)) == ["Guest bloggers"]
    assert user.guest_profile.blogger.name == "Nadia Nurse"
    assert user.guest_profile.blogger.role == "works in a stroke unit"
    assert client.get(reverse("wagtailadmin_home")).status_code == 200  # signed in
    invitation.refresh_from_db()
    assert invitation.state == "Accepted" and invitation.accepted_by == user


@pytest.mark.django_db
def test_invitation_can_link_an_existing_blogger_profile(client, section, editor):
    blogger = Blogger.objects.create(name="Ermintrude2", slug="ermintrude2")
    link = invite(client, editor, blogger=blogger.pk)
    accept(client, link)
    assert get_user_model().objects.get(username="nadia").guest_profile.blogger == blogger
    assert Blogger.objects.count() == 1


@pytest.mark.django_db
def test_used_link_gets_a_clear_page_and_creates_no_second_account(client, section, editor):
    link = invite(client, editor)
    accept(client, link)
    client.logout()
    again = client.get(link)
    assert again.status_code == 410
    assert "already been used" in again.content.decode()
    accept(client, link, username="someone-else")
    assert not get_user_model().objects.filter(username="someone-else").exists()


@pytest.mark.django_db
def test_expired_link_gets_a_clear_page(client, section, editor):
    link = invite(client, editor)
    with time_machine.travel(timezone.now() + timedelta(days=7, minutes=1)):
        response = client.get(link)
        assert response.status_code == 410
        assert "This invitation has expired" in response.content.decode()
        accept(client, link)
    assert not get_user_model().objects.filter(username="nadia").exists()


@pytest.mark.django_db
def test_link_still_works_on_the_sixth_day(client, section, editor):
    link = invite(client, editor)
    with time_machine.travel(timezone.now() + timedelta(days=6)):
        assert client.get(link).status_code == 200


@pytest.mark.django_db
def test_tampered_link_gets_a_clear_page(client, section, editor):
    link = invite(client, editor)
    tampered = link[:-3] + ("A" if link[-3] != "A" else "B") + link[-2:]
    response = client.get(tampered)
    assert response.status_code == 410
    assert "do not recognise this invitation link" in response.content.decode()


@pytest.mark.django_db
def test_weak_or_mismatched_password_is_explained_and_the_username_kept(client, section, editor):
    link = invite(client, editor)
    response = client.post(link, {"username": "nadia", "password1": "123", "password2": "124"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "The two passwords differ." in html
    assert 'value="nadia"' in html
    response = client.post(link, {"username": "nadia", "password1": "123", "password2": "123"})
    assert "too short" in response.content.decode()
    assert not get_user_model().objects.filter(username="nadia").exists()


@pytest.mark.django_db
def test_taken_username_is_refused_with_a_message(client, section, editor):
    link = invite(client, editor)
    response = accept(client, link, username=editor.username)
    assert "That username is taken" in response.content.decode()


@pytest.mark.django_db
def test_invitations_are_listed_with_their_state(client, section, editor):
    invite(client, editor, name="Pending Person", email="p@example.org")
    with time_machine.travel(timezone.now() - timedelta(days=10)):
        invite(client, editor, name="Lapsed Person", email="l@example.org")
    client.force_login(editor)
    html = client.get(reverse("guests_invitation_modeladmin_index")).content.decode()
    assert "Pending Person" in html and "Pending" in html
    assert "Lapsed Person" in html and "Expired" in html


@pytest.mark.django_db
def test_profile_already_linked_to_a_guest_cannot_be_offered_again(client, world, editor):
    client.force_login(editor)
    response = client.post(
        reverse(CREATE_URL),
        {
            "name": "Impostor",
            "email": "imp@example.org",
            "blogger": world.guest_a.guest_profile.blogger.pk,
            "role": "",
            "message": "",
        },
    )
    assert response.status_code == 200
    assert "already belongs to a guest" in response.content.decode()
    assert not Invitation.objects.exists() and not mail.outbox
