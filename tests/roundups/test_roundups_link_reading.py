"""The editors' "paste a link" endpoints: a post's details as JSON, and a new blogger in place."""

import pytest

from django.contrib.auth.models import Group
from django.test import Client

from people.models import Blogger
from tests.postserver import BLOGGER_POST, BROKEN_POST, WORDPRESS_POST, post_server

DETAILS = "/admin/roundups/post-details/"
ADD_BLOGGER = "/admin/roundups/add-blogger/"


@pytest.fixture
def served(settings):
    settings.LINK_FETCH_ALLOWED_NETWORKS = ["127.0.0.1/32"]
    with post_server() as base:
        yield base


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.mark.django_db
def test_a_known_bloggers_post_fills_every_field_and_offers_its_paragraphs(
    editor_client, served, bloggers, sectors
):
    ermintrude = bloggers["ermintrude2"]
    ermintrude.blog_url = f"{served}/ermintrude2/"
    ermintrude.save()
    answer = editor_client.post(DETAILS, {"url": served + WORDPRESS_POST}).json()
    assert answer["ok"] is True
    assert answer["title"] == "What I would say to Norman Lamb"
    assert answer["author"] == "Ermintrude2"
    assert answer["posted_on"] == "18/10/2012"
    assert answer["blogger"]["id"] == ermintrude.pk
    assert answer["blogger"]["string"] == "Ermintrude2"
    assert answer["blogger"]["sector"]["string"] == "Social care"
    assert answer["new_blogger"] is None
    assert any(text.startswith("What I see are cuts.") for text in answer["paragraphs"])


@pytest.mark.django_db
def test_an_unknown_blog_is_offered_as_a_new_blogger_prefilled(editor_client, served, sectors):
    answer = editor_client.post(DETAILS, {"url": served + BLOGGER_POST}).json()
    assert answer["blogger"] is None
    offer = answer["new_blogger"]
    assert (offer["name"], offer["blog_name"], offer["blog_url"]) == (
        "Frank Chalk",
        "Frank Chalk",
        f"{served}/",
    )
    assert [sector["string"] for sector in offer["sectors"]][:2] == ["Social care", "Health"]


@pytest.mark.django_db
def test_a_post_that_cannot_be_read_gives_a_plain_message(editor_client, served, settings):
    answer = editor_client.post(DETAILS, {"url": f"{served}/picture.png"}).json()
    assert answer == {
        "ok": False,
        "message": "That address is not a web page (it is image/png). Fill in the excerpt by hand.",
    }
    settings.LINK_FETCH_ALLOWED_NETWORKS = []
    refused = editor_client.post(DETAILS, {"url": served + WORDPRESS_POST}).json()
    assert refused["ok"] is False and "not a public web address" in refused["message"]


@pytest.mark.django_db
def test_a_broken_page_still_answers(editor_client, served):
    answer = editor_client.post(DETAILS, {"url": served + BROKEN_POST}).json()
    assert answer["ok"] is True and answer["posted_on"] == ""


@pytest.mark.django_db
def test_guests_and_strangers_cannot_use_the_reader(client, django_user_model, served):
    assert client.post(DETAILS, {"url": served + WORDPRESS_POST}).status_code in (302, 403)
    guest = django_user_model.objects.create_user("guest-user", password="pw")
    guest.groups.add(Group.objects.get(name="Guest bloggers"))
    client.force_login(guest)
    assert client.post(DETAILS, {"url": served + WORDPRESS_POST}).status_code == 403
    assert client.post(ADD_BLOGGER, {"name": "Someone"}).status_code == 403
    assert not Blogger.objects.filter(name="Someone").exists()


@pytest.mark.django_db
def test_the_reader_needs_post_and_the_csrf_token(editor, served):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    assert client.get(DETAILS, {"url": served + WORDPRESS_POST}).status_code == 405
    assert client.post(DETAILS, {"url": served + WORDPRESS_POST}).status_code == 403
    assert client.post(ADD_BLOGGER, {"name": "Frank Chalk"}).status_code == 403


@pytest.mark.django_db
def test_a_new_blogger_is_added_in_place_with_a_sector_and_not_twice(editor_client, sectors):
    fields = {
        "name": "Frank Chalk",
        "blog_name": "Frank Chalk",
        "blog_url": "https://frankchalk.example/",
        "sector": sectors["education"].pk,
    }
    answer = editor_client.post(ADD_BLOGGER, fields).json()
    blogger = Blogger.objects.get(name="Frank Chalk")
    assert answer["blogger"]["id"] == blogger.pk
    assert answer["blogger"]["sector"]["string"] == "Education"
    assert blogger.blog_url == "https://frankchalk.example/"
    again = editor_client.post(ADD_BLOGGER, fields).json()
    assert again["blogger"]["id"] == blogger.pk and Blogger.objects.count() == 1


@pytest.mark.django_db
def test_a_new_blogger_with_a_bad_address_gets_the_fields_message(editor_client):
    answer = editor_client.post(ADD_BLOGGER, {"name": "X", "blog_url": "javascript:alert(1)"})
    assert answer.status_code == 400 and answer.json()["ok"] is False
    assert not Blogger.objects.exists()
    no_name = editor_client.post(ADD_BLOGGER, {"name": "  ", "sector": "abc"})
    assert no_name.json()["message"] == "Give the blogger's name."
